import { describe, expect, it } from "vitest";
import { paragraphChanges } from "../../src/translation/model/paragraphs.ts";
import { sectionHash } from "../../src/translation/model/sections.ts";
import { compareChapter } from "../../src/translation/model/status.ts";

const section = (body: string) => `## Title \\{#s\\}\n\n${body}\n`;

describe("section versions", () => {
  it("ignore re-wrapping a paragraph, not a change of its words", () => {
    const one = section("Spikes need energy, and a neuron\ncan only supply it so fast.");
    const rewrapped = section("Spikes need energy,\nand a neuron can only supply it\nso fast.");
    expect(sectionHash(rewrapped)).toBe(sectionHash(one));
    expect(sectionHash(section("Spikes need energy, and a neuron\ncan only supply it that fast."))).not.toBe(sectionHash(one));
    // Two paragraphs are not one, and a code block's lines are its meaning.
    expect(sectionHash(section("Spikes need energy, and a neuron\n\ncan only supply it so fast."))).not.toBe(sectionHash(one));
    expect(sectionHash(section("```python\na = 1\nb = 2\n```"))).not.toBe(sectionHash(section("```python\na = 1 b = 2\n```")));
  });

  it("show a changed paragraph word by word, with its line", () => {
    const changes = paragraphChanges(
      "## H \\{#h\\}\n\nIs this interval typical of\nthe whole recording?\n\nSame.",
      "## H \\{#h\\}\n\nIs this ten-second interval typical of the whole recording?\n\nSame.",
      40,
    );
    expect(changes).toEqual([{ index: 1, sourceLine: 42, words: "Is this {+ten-second +}interval typical of the whole recording?" }]);
  });
});

describe("section states", () => {
  const source = "## A \\{#a\\}\n\nOne.\n\n## B \\{#b\\}\n\nTwo.\n\n## C \\{#c\\}\n\nThree.\n";
  const hashes = { a: sectionHash("## A \\{#a\\}\n\nOne.\n"), b: "0123456789ab" };
  it("tell current, stale, untranslated, missing and extra apart", () => {
    const translation = "## あ \\{#a\\}\n\n一。\n\n## い \\{#b\\}\n\n二。\n\n## え \\{#e\\}\n\n余。\n";
    const states = compareChapter(source, translation, { source: "en", sections: hashes }).map((r) => `${r.section}:${r.status}`);
    expect(states).toEqual(["a:current", "b:stale", "c:missing", "e:extra"]);
    const copied = compareChapter(source, source, { source: "en", sections: { a: hashes.a } }).map((r) => r.status);
    expect(copied).toEqual(["current", "untranslated", "untranslated"]);
    expect(compareChapter(source, null, null).every((r) => r.status === "untranslated")).toBe(true);
  });
});
