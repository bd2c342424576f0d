import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUDGET, weighSite } from "../../scripts/lib/pageWeights.ts";
import { launchChromium } from "../helpers/browser.ts";
import { site } from "../helpers/sites.ts";

// The test bed is the shipped course with chapters, a dataset and locales added by files
// (tests/helpers/sites.ts). What a page of the course loads must not depend on what other
// chapters hold: each figure names its own code (data-module), and no script shared by pages
// lists the course's cells.
const scripts = (dist: string) => readdirSync(join(dist, "_astro")).filter((f) => f.endsWith(".js"));

/** The bundler splits code two chapters share into chunks of its own: a few hundred bytes of chunk boundaries, never a chapter's worth. */
const SPLIT_ALLOWANCE = 512;

describe("scripts when the course grows", () => {
  it("no script names a cell's code but the figure's own: the shared scripts hold no list of the course's cells", async () => {
    const { dist } = await site("testbed");
    const cellChunks = scripts(dist).filter((f) => /\.cell\.[\w-]+\.js$/.test(f));
    expect(cellChunks.length).toBeGreaterThan(3);
    for (const file of scripts(dist)) {
      const text = readFileSync(join(dist, "_astro", file), "utf8");
      // A cell's chunk may import another cell's (an explorer that reuses a histogram's code); no other script names one.
      if (!cellChunks.includes(file))
        expect(
          cellChunks.filter((c) => text.includes(c)),
          file,
        ).toEqual([]);
      expect(text, file).not.toMatch(/chapters\/[^"'`]*\.cell\.ts/);
    }
  });

  it("a page of the shipped course loads the same JavaScript, with every figure active, once chapters and languages are added (give or take the chunk boundaries the bundler moves)", async () => {
    const [shipped, grown] = await Promise.all([site("default"), site("testbed")]);
    const browser = await launchChromium();
    try {
      // The shipped course's pages with live figures, in every language.
      const only = (path: string) =>
        path.endsWith("/") && readFileSync(join(shipped.dist, path, "index.html"), "utf8").includes("data-interactive");
      // Without service workers: the test bed keeps no pages offline (and so loads no offer to keep them).
      const before = (await weighSite(shipped.dist, browser, only, "block")).weights;
      const paths = new Set(before.map((w) => w.path));
      const after = new Map((await weighSite(grown.dist, browser, (path) => paths.has(path), "block")).weights.map((w) => [w.path, w]));
      expect(before.length).toBeGreaterThan(0);
      for (const page of before) {
        const grew = after.get(page.path)!.jsActive - page.jsActive;
        process.stdout.write(
          `${page.path}: JS with every figure active ${(page.jsActive / 1024).toFixed(2)} KB, with the test bed's chapters ${grew >= 0 ? "+" : ""}${grew} B\n`,
        );
        expect(grew, page.path).toBeLessThanOrEqual(SPLIT_ALLOWANCE);
        // And the page is within its budget with them.
        expect(after.get(page.path)!.jsActive, page.path).toBeLessThanOrEqual(BUDGET.jsActive);
      }
    } finally {
      await browser.close();
    }
  });
});
