import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../helpers/browser.ts";
import { genericSuite } from "../helpers/genericSuite.ts";
import { loadPage } from "../helpers/site.ts";
import { site } from "../helpers/sites.ts";

// The generator's test bed (tests/helpers/sites.ts): Tutorial 1 with, added by files only, a
// chapter with one cell of each interaction kind over a second dataset (half translated), the
// authoring guide's example chapter, and two more locales.
const env = browserSuite("testbed");

describe("a chapter added by files alone", () => {
  it("builds beside Tutorial 1, each dataset loaded once, shared data files written once", async () => {
    const { report } = await site("testbed");
    expect(report.datasets).toBe(2);
    expect(new Set(report.dataSets).size).toBe(report.dataSets.length);
    // Nothing in the course or the test bed is shown otherwise than written (no warning).
    expect(report.warnings).toEqual([]);
    const page = loadPage(env.dir, "en/fixture/widgets/");
    expect([...page.querySelectorAll("[data-cell]")].map((f) => f.getAttribute("data-cell"))).toEqual([
      "static-cell",
      "slider-cell",
      "toggle-cell",
      "isi-histogram",
    ]);
    expect(page.querySelectorAll(".data-notice").length).toBe(2);
    // Two chapters with a cell of the same id, each with its own browser code.
    const tutorial = loadPage(env.dir, "en/w1d1/tutorial1/");
    expect(tutorial.querySelector('[data-cell="isi-histogram"]')!.getAttribute("data-chapter")).toBe("w1d1/tutorial1");
    expect(page.querySelector('[data-cell="isi-histogram"]')!.getAttribute("data-chapter")).toBe("fixture/widgets");
  });

  it("shows the images beside the chapter: published as files of the site, sized, with their alt text", () => {
    const page = loadPage(env.dir, "en/fixture/widgets/");
    const images = [...page.querySelectorAll("article img")].map((img) => ({
      alt: img.getAttribute("alt"),
      src: img.getAttribute("src") ?? "",
      sized: !!img.getAttribute("width") && !!img.getAttribute("height"),
    }));
    expect(images.map((i) => i.alt)).toEqual(["A diagram of the fixture", "A one-pixel picture"]);
    for (const image of images) {
      expect(image.src).toMatch(/^\/_astro\/[\w.-]+\.(svg|webp|png)$/);
      expect(image.sized).toBe(true);
      expect(existsSync(join(env.dir, image.src))).toBe(true);
    }
  });
});

// The course's own pages are checked by quality.test.ts on the shipped build; here, the
// test-bed chapter, in its source language and half translated (its other locales' pages are
// fallbacks of the same page).
genericSuite(
  "the test-bed chapter",
  () => ({ dir: env.dir, origin: env.server.origin, browser: env.browser }),
  (path) => /^\/(en|ja)\/fixture\//.test(path),
);

describe("the glyphs of a language", () => {
  // Which font Chromium draws a text node with (the DevTools protocol's own report), per language.
  const fontsOf = async (path: string, text: string): Promise<string[]> => {
    const context = await env.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(env.server.origin + path);
      const cdp = await context.newCDPSession(page);
      await cdp.send("DOM.enable");
      await cdp.send("CSS.enable");
      const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
      const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "h2" });
      for (const nodeId of nodeIds) {
        const { outerHTML } = await cdp.send("DOM.getOuterHTML", { nodeId });
        if (!outerHTML.includes(text)) continue;
        const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
        return fonts.map((f) => f.familyName);
      }
      throw new Error(`${path}: no heading holds "${text}"`);
    } finally {
      await context.close();
    }
  };

  it("are Traditional Chinese on a zh-Hant-TW page and Japanese on a ja page, for the same Han characters", async () => {
    // 總結 (zh-Hant-TW's summary heading) and まとめ's page: each drawn with its own language's font.
    expect((await fontsOf("/zh-Hant-TW/w1d1/tutorial1/", "總結")).join()).toMatch(/CJK TC/);
    expect((await fontsOf("/ja/w1d1/tutorial1/", "まとめ")).join()).toMatch(/CJK JP/);
  });
});

describe("the site's root", () => {
  // Where a reader lands who opens the root with these browser languages (waiting for the page's
  // redirect when one is expected, and for the page to settle when none is).
  const landing = async (languages: string, expected: string, referer?: string): Promise<string> => {
    const context = await env.browser.newContext({ locale: languages });
    try {
      const page = await context.newPage();
      await page.goto(env.server.origin + "/", referer ? { referer } : {});
      if (expected === "/") await page.waitForLoadState("networkidle");
      else await page.waitForURL(env.server.origin + expected, { timeout: 5000 }).catch(() => undefined);
      return new URL(page.url()).pathname;
    } finally {
      await context.close();
    }
  };

  it("sends a reader to the language their browser asks for, the list staying for everyone else", async () => {
    for (const [languages, expected] of [
      ["zh-TW", "/zh-Hant-TW/"],
      ["pt", "/pt-BR/"],
      ["en-GB", "/en/"],
      ["fr-FR", "/"],
    ])
      expect(await landing(languages!, expected!), languages).toBe(expected);
    // A reader who followed a link to the list from a page of the site stays on it.
    expect(await landing("zh-TW", "/", env.server.origin + "/en/")).toBe("/");
  });

  it("lists every language, each in its own language, without JavaScript", () => {
    const root = loadPage(env.dir, "");
    const links = [...root.querySelectorAll("[data-language-choice] a[hreflang]")].map((a) => a.getAttribute("hreflang"));
    expect(links.sort()).toEqual(["de", "en", "ja", "pt-BR", "zh-Hant-TW"]);
  });
});
