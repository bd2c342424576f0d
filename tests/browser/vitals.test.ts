import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../helpers/browser.ts";

// Layout decided before the first paint (issue 22): what scripts do later moves nothing. Time
// budgets (first slider move) are measured by `npm run bench:vitals`, not asserted here.
const env = browserSuite();
const CHAPTERS = ["/en/w1d1/tutorial1/", "/ja/w1d1/tutorial1/"];
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 360, height: 740 },
];

const OBSERVE_SHIFTS = `window.__shifts = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value); })
  .observe({ type: "layout-shift", buffered: true });`;

/** Where the header, its script-only tools and the chapter layout are, and how big, rounded to pixels. */
const layoutOf = (page: Page): Promise<string[]> =>
  page.$$eval(".site-header, .site-header .search, .site-header .theme-toggle, .chapter-layout", (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return [e.getAttribute("class"), Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(" ");
    }),
  );

describe("no layout shift", () => {
  for (const viewport of WIDTHS) {
    for (const path of CHAPTERS) {
      it(`${path} at ${viewport.width} px: loading moves nothing (CLS at most 0.02), and the header is placed by CSS`, async () => {
        const context = await env.browser.newContext({ viewport });
        const page = await context.newPage();
        await page.addInitScript(OBSERVE_SHIFTS);
        await page.goto(env.server.origin + path, { waitUntil: "networkidle" });
        await page.waitForTimeout(300);
        const shifts = await page.evaluate<number[]>("window.__shifts");
        expect(shifts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(0.02);
        const scripted = await layoutOf(page);
        // The same page with its module scripts held back (a slow network): the head's inline
        // script has run, and the header already looks as it will.
        const held = await context.newPage();
        await held.route("**/_astro/*.js", (route) => route.abort());
        await held.goto(env.server.origin + path, { waitUntil: "load" });
        const before = await layoutOf(held);
        expect(before).toEqual(scripted);
        await context.close();
      });
    }
  }

  for (const viewport of WIDTHS) {
    it(`at ${viewport.width} px an interactive figure redrawn in the browser keeps the box the page laid out`, async () => {
      const page = await env.browser.newPage({ viewport });
      await page.goto(env.server.origin + CHAPTERS[0]!, { waitUntil: "networkidle" });
      const ids = await page.$$eval("figure[data-interactive]", (fs) => fs.map((f) => f.getAttribute("data-cell")!));
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        const box = () => page.$eval(`[data-cell="${id}"] .cell-figure`, (s) => Math.round(s.getBoundingClientRect().height));
        const built = await box();
        await page.evaluate((cell) => {
          document.querySelector(`[data-cell="${cell}"]`)!.scrollIntoView({ block: "center" });
        }, id);
        await page.waitForSelector(`[data-cell="${id}"][data-active="true"]`, { state: "attached" });
        expect(Math.abs((await box()) - built), id).toBeLessThanOrEqual(2);
      }
      await page.close();
    });
  }
});
