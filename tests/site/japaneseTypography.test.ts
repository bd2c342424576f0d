import { beforeAll, describe, expect, it } from "vitest";
import { japaneseHeadingForm, japanesePunctuation } from "../../src/translation/model/typography.ts";
import { loadPage } from "../helpers/site.ts";
import { site } from "../helpers/sites.ts";

// The Japanese chapter's typography as the reader gets it (the checks of src/translation/model/typography.ts
// on the built page: headings, punctuation, labels).
let DIST = "";

describe("the Japanese chapter as built", () => {
  beforeAll(async () => {
    DIST = (await site("default")).dist;
  });

  it("writes every numbered heading in the same form", () => {
    const doc = loadPage(DIST, "ja/w1d1/tutorial1/");
    const headings = [...doc.querySelectorAll("article h2, article h3")].map((h) => h.textContent.trim());
    expect(headings.length).toBeGreaterThan(15);
    expect(headings.flatMap((h) => japaneseHeadingForm(h).map((p) => p.message))).toEqual([]);
    expect(headings.filter((h) => /^(セクション|コーディング演習|演習|インタラクティブデモ)/.test(h)).length).toBeGreaterThanOrEqual(12);
  });

  it("uses full-width punctuation in its Japanese text (code, maths and figures aside)", () => {
    const doc = loadPage(DIST, "ja/w1d1/tutorial1/");
    for (const el of doc.querySelectorAll("pre, code, .katex, svg, script, style, samp, .term-hint")) el.remove();
    const text = doc.querySelector("main")!.textContent;
    const problems = japanesePunctuation(text).map((p) => `${p.message}: …${text.slice(Math.max(0, p.offset - 15), p.offset + 5)}…`);
    expect(problems).toEqual([]);
  });

  it("labels hidden code cells and videos in Japanese (the code inside keeps the seed's English)", () => {
    const doc = loadPage(DIST, "ja/w1d1/tutorial1/");
    const hidden = [...doc.querySelectorAll("details.hidden-cell > summary")].map((s) => s.textContent.replace("隠しセル", "").trim());
    const videos = [...doc.querySelectorAll(".video-title")].map((t) => t.textContent.trim());
    expect(hidden.length).toBeGreaterThanOrEqual(6);
    expect(videos.length).toBe(5);
    // A label may name code (restrict_spike_times) but is otherwise Japanese.
    for (const label of [...hidden, ...videos])
      expect(label.replace(/[A-Za-z_]+(?=\s|$)/g, "").replace(/「What」/, ""), label).not.toMatch(/[A-Za-z]{3,}/);
    expect(doc.querySelector("details.hidden-cell pre")!.textContent).toContain("# @title Tutorial slides");
  });
});
