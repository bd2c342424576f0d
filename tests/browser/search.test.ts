import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { browserSuite } from "../helpers/browser.ts";

const env = browserSuite();
const pages: Page[] = [];
afterEach(async () => {
  await Promise.all(pages.splice(0).map((p) => p.close()));
});

/** A page of the test's own. */
async function newPage(): Promise<Page> {
  const page = await env.browser.newPage();
  pages.push(page);
  return page;
}

/** The sections the search box lists for a query, best first. */
async function search(page: Page, locale: string, query: string): Promise<string[]> {
  await page.goto(`${env.server.origin}/${locale}/w1d1/tutorial1/`);
  await page.fill("#site-search", query);
  await page.waitForSelector(".search-results .search-count");
  return page.$$eval(".search-results li a", (links) => links.map((a) => a.getAttribute("href")!));
}

describe("search, one index per language", () => {
  for (const [locale, query, section] of [
    ["ja", "スパイク間隔", "section-3"],
    ["ja", "不応期", "section-3"],
    ["ja", "ラスター", "section-2-2"],
    ["en", "refractory period", "section-3"],
    ["en", "raster", "section-2-2"],
  ] as const) {
    it(`${locale}: "${query}" lands on #${section}`, async () => {
      const results = await search(await newPage(), locale, query);
      expect(results[0]).toBe(`/${locale}/w1d1/tutorial1/#${section}`);
      expect(results.every((r) => r.startsWith(`/${locale}/`))).toBe(true);
    });
  }

  it("does not index the TeX source behind formulas", async () => {
    const page = await newPage();
    expect(await search(page, "en", "mathrm")).toEqual([]);
    expect(await page.textContent(".search-count")).toContain("No page matches");
  });
});
