import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../helpers/fixtures.ts";
import { loadPage } from "../helpers/site.ts";
import { site } from "../helpers/sites.ts";

// The Japanese source text (a copy of ../shared/seed/000_a3c91acbd026e212.txt).
const seed = readFileSync(fixture("seed/000_a3c91acbd026e212.txt"), "utf8").split("\n");

/** Notebook plumbing the site replaces by components: video players and feedback widgets. */
function replacedCells(lines: string[]): { skip: Set<number>; videos: number; feedback: number } {
  const skip = new Set<number>();
  let videos = 0;
  let feedback = 0;
  for (let i = 0; i < lines.length; i++) {
    if (/^# @title Video \d+:/.test(lines[i]!)) {
      videos++;
      let j = i;
      while (j < lines.length && lines[j] !== "display(tabs)") skip.add(j++);
      skip.add(j);
    }
    if (lines[i] === "# @title Submit your feedback") {
      feedback++;
      skip.add(i);
      skip.add(i + 1);
    }
  }
  return { skip, videos, feedback };
}

/**
 * Numbers the seed printed from the real recording; on the page they are computed from the
 * data in use, so both sides replace them by a placeholder before comparing.
 */
const COMPUTED_IN_SEED: [RegExp, string][] = [
  [/1次元に734個/, "1次元に#個"],
  [/\(734, 826\)/, "(#, #)"],
  [/ニューロンの数\(734\)/, "ニューロンの数(#)"],
  [/集団の68%/, "集団の#"],
];

// Compared after NFKC (full-width ！？：（） in our Japanese are the seed's !?:() in another width,
// and … its ...) and without whitespace.
const squeeze = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

describe("the Japanese chapter holds every line of the seed", () => {
  let text = "";
  beforeAll(async () => {
    const doc = loadPage((await site("default")).dist, "ja/w1d1/tutorial1/");
    for (const el of doc.querySelectorAll(".value[data-output]")) el.textContent = "#";
    for (const el of doc.querySelectorAll(".term-hint")) el.remove(); // the glossary's hover hints, not the text
    text = squeeze(doc.querySelector("main")!.textContent);
  });

  const { skip, videos, feedback } = replacedCells(seed);
  const lines = seed.map((line, i) => ({ line, i })).filter(({ line, i }) => line.trim() !== "" && !skip.has(i));

  it("skips only the five video cells and nine feedback cells (checked on the page by the build test)", () => {
    expect(videos).toBe(5);
    expect(feedback).toBe(9);
    expect(lines.length).toBeGreaterThan(300);
  });

  for (const { line, i } of lines) {
    it(`line ${i + 1}: ${line.slice(0, 50)}`, () => {
      // A leading "- " is a list item: markup on the page, not text.
      let want = line.replace(/^- /, "");
      for (const [pattern, placeholder] of COMPUTED_IN_SEED) want = want.replace(pattern, placeholder);
      expect(text.includes(squeeze(want)), `seed line ${i + 1} is missing from the page: ${line}`).toBe(true);
    });
  }
});
