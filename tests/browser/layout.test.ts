import { afterAll, describe, expect, it } from "vitest";
import { browserSuite, reusedPages } from "../helpers/browser.ts";

const env = browserSuite();
const pages = reusedPages(() => env.browser);
afterAll(() => pages.close());

/** The page's background and the histogram bars' fill, as the browser resolves them. */
function lookOf(): { background: string; bars: string } {
  const bars = document.querySelector('[data-cell="spike-count-histogram"] .mark-bars');
  return {
    background: getComputedStyle(document.documentElement).backgroundColor,
    bars: bars ? getComputedStyle(bars).fill : "(no bars)",
  };
}

describe("the chapter page in a browser", () => {
  for (const locale of ["ja", "en"]) {
    it(`${locale}: fits a 360 px phone without sideways scrolling`, async () => {
      const page = await pages.open(`${env.server.origin}/${locale}/w1d1/tutorial1/`, { viewport: { width: 360, height: 740 } });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const wide = await page.$$eval("main *", (els) =>
        els
          .filter((e) => e.getBoundingClientRect().right > 361 && !e.closest("pre, .table-scroll, .katex-display"))
          .map((e) => `${e.tagName}.${e.getAttribute("class") ?? ""}`),
      );
      expect(wide).toEqual([]);
    });
  }

  it("follows the system colour scheme, and the toggle switches and remembers it", async () => {
    // What the page looks like in each scheme when the reader has chosen nothing.
    const looks = async (scheme: "light" | "dark") => {
      const context = await env.browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`${env.server.origin}/en/w1d1/tutorial1/`);
      const look = await page.evaluate(lookOf);
      await context.close();
      return look;
    };
    const light = await looks("light");
    const dark = await looks("dark");
    expect(dark.background).not.toBe(light.background);
    // Figures take their colours from the scheme too.
    expect(dark.bars).not.toBe(light.bars);

    const context = await env.browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(`${env.server.origin}/en/w1d1/tutorial1/`);
    expect(await page.evaluate(lookOf)).toEqual(dark);
    await page.click("button.theme-toggle");
    expect(await page.getAttribute("html", "data-theme")).toBe("light");
    expect(await page.evaluate(lookOf)).toEqual(light);
    await page.reload();
    expect(await page.getAttribute("html", "data-theme")).toBe("light");
    expect(await page.evaluate(lookOf)).toEqual(light);
    await page.click("button.theme-toggle");
    expect(await page.evaluate(lookOf)).toEqual(dark);
    await context.close();
  });

  it("leads to the same chapter in the other language", async () => {
    const page = await pages.open(`${env.server.origin}/ja/w1d1/tutorial1/`);
    await page.click('.language-switch a[hreflang="en"]');
    await page.waitForURL(/\/en\/w1d1\/tutorial1\/$/);
    expect(await page.getAttribute("html", "lang")).toBe("en");
  });

  it("loads a video player only when play is pressed, from a privacy-enhanced address", async () => {
    const foreign: string[] = [];
    const page = await pages.open(
      `${env.server.origin}/en/w1d1/tutorial1/`,
      {},
      {
        waitUntil: "networkidle",
        before: (p) =>
          p.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
            foreign.push(route.request().url());
            return route.abort();
          }),
      },
    );
    expect(foreign).toEqual([]);
    expect(await page.$$eval("iframe", (f) => f.length)).toBe(0);
    await page.click('#video-1 .video-panel[data-source="youtube"] a.video-facade');
    const src = await page.getAttribute("#video-1 iframe", "src");
    expect(src).toBe("https://www.youtube-nocookie.com/embed/KgqR_jbjMQg?autoplay=1&rel=0");
    // The Bilibili tab shows the other source.
    await page.click('#video-2 label:has(input[value="bilibili"])');
    expect(await page.isVisible('#video-2 .video-panel[data-source="bilibili"] a.video-facade')).toBe(true);
    expect(await page.isVisible('#video-2 .video-panel[data-source="youtube"] a.video-facade')).toBe(false);
  });

  it("copies a code cell with its button", async () => {
    const context = await env.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${env.server.origin}/en/w1d1/tutorial1/`);
    const cell = page.locator(".code-cell", { hasText: "type(spike_times)" }).first();
    await cell.hover();
    await cell.locator("button.copy").click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("type(spike_times)");
    await context.close();
  });

  it("prints the chapter without its controls, with solutions open", async () => {
    const page = await pages.open(`${env.server.origin}/en/w1d1/tutorial1/`);
    await page.emulateMedia({ media: "print" });
    expect(await page.isVisible(".site-header")).toBe(false);
    expect(await page.isVisible(".toc")).toBe(false);
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    expect(await page.$$eval("article details.solution", (ds) => ds.every((d) => (d as HTMLDetailsElement).open))).toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    expect(await page.$$eval("article details.solution", (ds) => ds.some((d) => (d as HTMLDetailsElement).open))).toBe(false);
  });

  it("names a glossary term in the other language, marked with its lang, after its first use only, as text (no Tab stop)", async () => {
    const page = await pages.open(`${env.server.origin}/ja/w1d1/tutorial1/`);
    const term = '.term[data-term="refractory-period"]';
    expect(await page.$$eval(term, (t) => t.length)).toBe(1);
    const hint = page.locator(`${term} > .term-hint`);
    expect(await hint.isVisible()).toBe(true);
    expect(await hint.locator("[lang]").evaluateAll((els) => els.map((e) => [e.getAttribute("lang"), e.textContent]))).toEqual([
      ["en", "refractory period"],
    ]);
    expect(await hint.textContent()).toBe("（refractory period）");
    // Not a Tab stop, no description to be announced a second time.
    expect(
      await page.$$eval(".term", (ts) => ts.filter((t) => (t as HTMLElement).tabIndex >= 0 || t.hasAttribute("aria-describedby")).length),
    ).toBe(0);
  });
});
