import { afterEach, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { activateCell, browserSuite } from "../helpers/browser.ts";

const env = browserSuite();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

describe("offline reading", () => {
  for (const locale of ["ja", "en"]) {
    it(`${locale}: a chapter opened once opens again without a network, with the data its reader fetched`, async () => {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "allow" });
      contexts.push(context);
      const page = await context.newPage();
      const path = `/${locale}/w1d1/tutorial1/`;
      await page.goto(env.server.origin + path, { waitUntil: "networkidle" });
      // The note appears once the worker keeps the page.
      await page.waitForSelector("[data-offline-note]:not([hidden])", { timeout: 15_000 });
      await activateCell(page, "isi-function-explorer");
      await page.fill("#isi-function-explorer-neuron", "12");
      await page.press("#isi-function-explorer-neuron", "Enter");
      await expect
        .poll(() => page.getAttribute('[data-cell="isi-function-explorer"] .cell-figure', "aria-label"), { timeout: 5000 })
        .toMatch(/12/);
      await page.fill("#isi-function-explorer-neuron", "283");
      await page.press("#isi-function-explorer-neuron", "Enter");

      await context.setOffline(true);
      const again = await context.newPage();
      const failed: string[] = [];
      again.on("requestfailed", (r) => failed.push(r.url()));
      await again.goto(env.server.origin + path, { waitUntil: "load" });
      expect(await again.getAttribute("html", "lang")).toBe(locale);
      expect(await again.$$eval("[data-cell] .cell-figure svg", (s) => s.length)).toBeGreaterThan(8);
      // The figure code and the neuron the reader looked at come from the cache.
      await activateCell(again, "isi-function-explorer");
      await again.fill("#isi-function-explorer-neuron", "12");
      await again.press("#isi-function-explorer-neuron", "Enter");
      await expect
        .poll(() => again.getAttribute('[data-cell="isi-function-explorer"] .cell-figure', "aria-label"), { timeout: 5000 })
        .toMatch(/12/);
      expect(await again.$('[data-cell="isi-function-explorer"][data-failed]')).toBeNull();
      expect(failed.filter((u) => !u.includes("/pagefind/"))).toEqual([]);
      // A page the reader never opened is not there: what works offline is what was kept.
      const never = await context.newPage();
      await expect(never.goto(`${env.server.origin}/${locale === "ja" ? "en" : "ja"}/`)).rejects.toThrow();
    }, 60_000);
  }
});
