import { describe, expect, it } from "vitest";
import { inlineWork } from "../../../src/lib/content/inlineWork.ts";
import { CONTENT_LIMITS } from "../../../src/lib/content/limits.ts";
import { courseAndFixtureChapters } from "../../helpers/fixtures.ts";

const chapter = (paragraph: string) => `## One\n\n${paragraph}\n`;

describe("what a paragraph's text costs the parser, counted before parsing", () => {
  it("counts the brackets of links, images and references, and how deep the pairs nest", () => {
    expect(inlineWork(chapter("[a](x) and ![b](y) and [c][d]"))).toMatchObject({ brackets: { count: 8, line: 3 }, depth: { count: 1 } });
    expect(inlineWork(chapter("[![logo](a.png)](https://example.org)")).depth.count).toBe(2);
    expect(inlineWork(chapter("[[[a]]] and [b [c] d]")).depth.count).toBe(3);
    // An interval written in prose ([6, 16) s) leaves a bracket open: it nests nothing.
    expect(inlineWork(chapter("between [6, 16) s and [16, 26) s, see [the raster](#raster)"))).toMatchObject({
      brackets: { count: 4 },
      depth: { count: 1 },
    });
  });

  it("counts the runs of tildes, not their characters", () => {
    expect(inlineWork(chapter("~~gone~~ and ~also~ and about ~30 ms")).tildes.count).toBe(5);
  });

  it("finds no bracket or tilde in code, maths, expressions, tags, escapes, fenced code or display maths", () => {
    const text = [
      '`a[0]` and ``[x]`` and $[0, 1)$ and {list[0]} and <a title="[x]"> and \\[ \\] \\~',
      "",
      "```python\nx = a[0][1]  # ~\n```",
      "",
      "$$\n[a, b]\n$$",
    ].join("\n");
    expect(inlineWork(chapter(text))).toMatchObject({ brackets: { count: 0 }, tildes: { count: 0 }, depth: { count: 0 } });
  });

  it("counts each break of a paragraph's text (line, escape, reference, code, maths, tag, expression) as a pass over the paragraph", () => {
    const breaks = ["a\nb", "a \\< b", "a &amp; b", "a `c` b", "a $x$ b", "a <b>c</b> d", "a {1} b"];
    for (const one of breaks) {
      const n = (k: number) => inlineWork(chapter(`${one} `.repeat(k))).work;
      // Ten times the breaks in a ten times longer paragraph: a hundred times the work (give or take the count's rounding).
      expect(n(1000) / n(100), one).toBeGreaterThan(90);
    }
    expect(inlineWork(chapter("word ".repeat(40_000))).work).toBe(0);
    expect(inlineWork(chapter("a &amp; b ".repeat(20_000))).work).toBeGreaterThan(CONTENT_LIMITS.inlineWork);
    // The same words in paragraphs of a hundred: far under the limit.
    expect(inlineWork(chapter(Array.from({ length: 200 }, () => "a &amp; b ".repeat(100)).join("\n\n"))).work).toBeLessThan(
      CONTENT_LIMITS.inlineWork / 5,
    );
  });

  it("counts what brackets that make nothing cost: the square of their number, in the paragraph that holds them", () => {
    const stray = (n: number) => "x] ".repeat(n);
    const tenTimes = inlineWork(chapter(stray(2000))).work / inlineWork(chapter(stray(200))).work;
    expect(tenTimes).toBeGreaterThan(90);
    expect(inlineWork(chapter(stray(20_000))).work).toBeGreaterThan(CONTENT_LIMITS.inlineWork);
    // The same brackets as links, ten to a paragraph: far under the limit.
    expect(inlineWork(chapter(Array.from({ length: 2000 }, () => "[a](#x) ".repeat(10)).join("\n\n"))).work).toBeLessThan(
      CONTENT_LIMITS.inlineWork / 10,
    );
    // The costliest paragraph is named by its first line; the deepest and the fullest by theirs.
    expect(inlineWork(`## One\n\nplain\n\n${"[".repeat(70)}a${"]".repeat(70)}\n\n${stray(1000)}\n`)).toMatchObject({
      line: 7,
      depth: { count: 70, line: 5 },
      brackets: { count: 1000, line: 7 },
    });
  });

  it("leaves every chapter of the course and the test bed far under the limits", () => {
    const chapters = courseAndFixtureChapters();
    expect(chapters.length).toBeGreaterThan(4);
    for (const { file, text } of chapters) {
      const found = inlineWork(text);
      expect(found.work, file).toBeLessThan(CONTENT_LIMITS.inlineWork / 100);
      expect(found.brackets.count, file).toBeLessThan(CONTENT_LIMITS.bracketsPerParagraph / 10);
      expect(found.depth.count, file).toBeLessThanOrEqual(3);
    }
  });
});
