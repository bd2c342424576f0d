import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { browserSuite } from "../helpers/browser.ts";

const env = browserSuite();
const pages = new Map<string, Promise<Page>>();
afterAll(async () => {
  for (const page of pages.values()) await (await page).close();
});

/**
 * The language's home page, opened once and searched again for each query (every page has the
 * same box over the same index; the home page is the lightest to open).
 */
function homePage(locale: string): Promise<Page> {
  let page = pages.get(locale);
  if (!page) {
    page = env.browser.newPage().then(async (p) => {
      await p.goto(`${env.server.origin}/${locale}/`);
      return p;
    });
    pages.set(locale, page);
  }
  return page;
}

/** The sections the search box lists for a query, best first (the page, to read the rest of the answer). */
async function search(locale: string, query: string): Promise<{ page: Page; results: string[] }> {
  const page = await homePage(locale);
  // The previous answer goes first, so that the one waited for is this query's.
  await page.$eval(".search-results", (r) => {
    r.replaceChildren();
  });
  await page.fill("#site-search", query);
  await page.waitForSelector(".search-results .search-count");
  return { page, results: await page.$$eval(".search-results li a", (links) => links.map((a) => a.getAttribute("href")!)) };
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
      const { results } = await search(locale, query);
      // Tutorial 1's best match (another chapter may match too, and rank anywhere).
      expect(results.find((r) => r.startsWith(`/${locale}/w1d1/tutorial1/`))).toBe(`/${locale}/w1d1/tutorial1/#${section}`);
      expect(results.every((r) => r.startsWith(`/${locale}/`))).toBe(true);
    });
  }

  it("does not index the TeX source behind formulas", async () => {
    const { page, results } = await search("en", "mathrm");
    expect(results).toEqual([]);
    expect(await page.textContent(".search-count")).toContain("No page matches");
  });

  for (const [locale, query] of [
    ["ja", "xyzzy"],
    ["ja", "ほげほげ"],
    ["en", "xyzzy"],
    ["en", "qwertyuiop"],
  ] as const)
    it(`${locale}: nonsense ("${query}") finds nothing, and says so`, async () => {
      const { page, results } = await search(locale, query);
      expect(results).toEqual([]);
      expect(await page.textContent(".search-count")).toContain(query);
    });

  it("counts matches in each language's own form", async () => {
    const one = await search("en", "Neuropixels");
    expect(one.results).toEqual(["/en/w1d1/tutorial1/#section-1"]);
    expect(await one.page.textContent(".search-count")).toBe("1 section matches");
    const many = await search("en", "spike");
    expect(many.results.length).toBeGreaterThan(1);
    expect(await many.page.textContent(".search-count")).toMatch(/^\d+ sections match$/);
    const ja = await search("ja", "スパイク");
    expect(await ja.page.textContent(".search-count")).toMatch(/^\d+ 件の節が一致しました$/);
  });

  it("starts each excerpt where a reader can, never on the tail of a cut word or sentence", async () => {
    for (const [locale, query] of [
      ["ja", "スパイク"],
      ["ja", "不応期"],
      ["en", "spike"],
    ] as const) {
      const { page } = await search(locale, query);
      const excerpts = await page.$$eval(".search-results li p", (ps) => ps.map((p) => p.textContent));
      expect(excerpts.length).toBeGreaterThan(0);
      for (const e of excerpts) {
        // Either it says it starts mid-sentence, or it starts a sentence (a capital, a digit, a Japanese word).
        expect(e, e).toMatch(/^(…|[A-Z0-9\u3040-\u30ff\u4e00-\u9fff「（(`])/u);
        expect(e, e).not.toMatch(/^[\u3040-\u309f]{1,3}[。、]/u);
      }
      // Every excerpt holds what was searched for.
      for (const e of excerpts) expect(e.replace(/\s+/g, "").toLowerCase()).toContain(query.replace(/\s+/g, "").toLowerCase().slice(0, 4));
    }
  });
});
