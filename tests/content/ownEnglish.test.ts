import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fingerprint, sentenceKeys, shingles } from "../helpers/prose.ts";
import { ROOT } from "../helpers/run.ts";

// One-way fingerprints of the English chapter as it stood before issue 9, whose wording followed
// Neuromatch's English notebook too closely (tests/fixtures/english-overlap/make.ts).
const known = JSON.parse(readFileSync(new URL("../fixtures/english-overlap/fingerprints.json", import.meta.url), "utf8")) as {
  shingleWords: number;
  sentences: string[];
  shingles: string[];
};
const english = readFileSync(`${ROOT}content/en/w1d1/tutorial1/index.mdx`, "utf8");

describe("the English chapter is our own translation of the Japanese seed", () => {
  it("the fingerprints are there to compare with", () => {
    expect(known.sentences.length).toBeGreaterThan(100);
    expect(known.shingles.length).toBeGreaterThan(1000);
  });

  it("shares no whole sentence with the earlier, too-close wording", () => {
    const sentences = new Set(known.sentences);
    expect(sentenceKeys(english).filter((s) => sentences.has(fingerprint(s)))).toEqual([]);
  });

  it(`shares no run of ${known.shingleWords} words with it either`, () => {
    const runs = new Set(known.shingles);
    expect([...new Set(shingles(english, known.shingleWords))].filter((s) => runs.has(fingerprint(s)))).toEqual([]);
  });

  it("the comparison finds a copied sentence and a copied run of words (on a made-up text)", () => {
    const earlier = "## Heading \\{#h\\}\n\nThe quick brown fox jumps over the lazy dog today. It rests.\n";
    const later = "## Other \\{#h\\}\n\nA cat naps. The quick brown fox jumps over the lazy dog today.\n\n```python\nx = 1\n```\n";
    const theirs = new Set(sentenceKeys(earlier).map(fingerprint));
    expect(sentenceKeys(later).filter((s) => theirs.has(fingerprint(s)))).toEqual(["the quick brown fox jumps over the lazy dog today"]);
    const runs = new Set(shingles(earlier, 8).map(fingerprint));
    expect(shingles(later, 8).filter((s) => runs.has(fingerprint(s))).length).toBe(3);
    expect(shingles(later, 8).some((s) => s.includes("x 1"))).toBe(false); // code is not prose
  });
});
