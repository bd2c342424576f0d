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
