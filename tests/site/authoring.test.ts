import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readSpikeFile } from "../../src/lib/spikes/readFile.ts";
import { fixture } from "../helpers/fixtures.ts";
import { ROOT } from "../helpers/run.ts";
import { loadPage } from "../helpers/site.ts";
import { site, type BuiltSite } from "../helpers/sites.ts";

// AUTHORING.md's example chapter, added to a copy of the project exactly as the guide says:
// new files only.
const guide = readFileSync(join(ROOT, "AUTHORING.md"), "utf8");
const EXAMPLE = fixture("authoring");
const exampleFiles = readdirSync(EXAMPLE, { recursive: true, encoding: "utf8" }).filter((f) => /\.\w+$/.test(f));
let dist = "";
let report: BuiltSite["report"];

/** The code blocks of the guide that stand for files (preceded by `<!-- file: path -->`). */
function guideFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const m of guide.matchAll(/<!-- file: (\S+) -->\n\n```\w*\n([\s\S]*?)```/g)) files[m[1]!] = m[2]!;
  return files;
}

// The test bed has the example added by its files alone (tests/helpers/sites.ts).
beforeAll(async () => {
  ({ dist, report } = await site("testbed"));
});

describe("AUTHORING.md", () => {
  it("quotes the example's files exactly as they are in tests/fixtures/authoring", () => {
    const files = guideFiles();
    expect(Object.keys(files).sort()).toEqual([...exampleFiles].sort());
    for (const [path, text] of Object.entries(files)) expect(text, path).toBe(readFileSync(join(EXAMPLE, path), "utf8"));
  });

  it("its example chapter builds from new files only: figure, number from the data, a fallback in the other language", () => {
    const page = loadPage(dist, "en/example/hello/");
    expect(page.querySelector('[data-cell="first-counts"] svg')).not.toBeNull();
    expect(page.querySelector('[data-cell="first-counts"] .cell-figure')!.getAttribute("aria-label")).toMatch(
      /^Spike counts of neurons 0 to 9: \d+/,
    );
    // The test bed reads the mini fixture file: the number is the reader's own count of its spikes.
    const total = readSpikeFile(fixture("site/mini-734.npz")).times.length;
    expect(Number(page.querySelector('[data-output="total_spikes"]')!.getAttribute("data-value"))).toBe(total);
    expect(page.getElementById("counting-spikes")).not.toBeNull();
    const ja = loadPage(dist, "ja/example/hello/");
    expect(ja.querySelector(".translation-notice")).not.toBeNull();
    // Tutorial 1 still builds beside it, and both chapters read the one dataset: loaded once
    // (the test bed's other dataset is the generator fixture's).
    expect(loadPage(dist, "en/w1d1/tutorial1/").querySelector('[data-cell="isi-histogram"]')).not.toBeNull();
    expect(report.datasets).toBe(2);
  });
});
