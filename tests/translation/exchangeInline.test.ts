import { describe, expect, it } from "vitest";
import { decodeMarkdownText, decodeYamlQuoted, unitInline, writeInline, type Inline } from "../../src/translation/exchange/inline.ts";
import { TranslationMemory } from "../../src/translation/exchange/memory.ts";
import { poInline, poText } from "../../src/translation/exchange/formats/po.ts";
import { segmentsOf } from "../../src/translation/exchange/segments.ts";

// What a translator's tool sees of a segment, and what comes back into the file.
const paragraph = (mdx: string) => segmentsOf(`## Title \\{#s\\}\n\n${mdx}\n`).find((s) => s.kind === "paragraph")!;

describe("a segment as inline content", () => {
  it("is plain text: Markdown escapes and character references decoded as the parser reads them", () => {
    expect(decodeMarkdownText("a \\<b\\> \\{c\\} \\* &amp; &#x41; &nope; \\q")).toBe("a <b> {c} * & A &nope; \\q");
    expect(decodeYamlQuoted('Tutorial 1: \\"What\\" models \\\\ \\x41')).toBe('Tutorial 1: "What" models \\ A');
    const { source } = unitInline(paragraph("Use \\{x\\} and \\<5 s"), null);
    expect(source).toEqual([{ text: "Use {x} and <5 s" }]);
  });

  it("keeps code, maths and values whole, and pairs bold, italics, links and inline tags around their words", () => {
    const seg = paragraph(
      '**Goal:** see `spike_times`, $x^2$ and <Value k="n" />; read [the *data* page](https://example.org/a) or H<sub>2</sub>O.',
    );
    const { source, codes } = unitInline(seg, null);
    expect(source).toEqual([
      { open: "1" },
      { text: "Goal:" },
      { close: "1" },
      { text: " see " },
      { ph: "2" },
      { text: ", " },
      { ph: "3" },
      { text: " and " },
      { ph: "4" },
      { text: "; read " },
      { open: "5" },
      { text: "the " },
      { open: "6" },
      { text: "data" },
      { close: "6" },
      { text: " page" },
      { close: "5" },
      { text: " or H" },
      { open: "7" },
      { text: "2" },
      { close: "7" },
      { text: "O." },
    ] satisfies Inline[]);
    expect(codes.get("5")).toEqual({ id: "5", kind: "pc", start: "[", end: "](https://example.org/a)" });
    expect(codes.get("2")).toEqual({ id: "2", kind: "ph", data: "`spike_times`" });
    // Written back unchanged, it is the file's text.
    expect(writeInline("paragraph", source, codes)).toBe(
      '**Goal:** see `spike_times`, $x^2$ and <Value k="n" />; read [the *data* page](https://example.org/a) or H<sub>2</sub>O.',
    );
  });

  it("gives a translation's codes the ids of the source's codes they equal, and its own for the rest", () => {
    const en = paragraph("See [the page](/en/a/) and `x`.");
    const ja = paragraph("`x` と[ページ](/ja/a/)を見てください。");
    const { target, codes } = unitInline(en, ja);
    expect(target).toEqual([
      { ph: "2" },
      { text: " と" },
      { open: "t1" },
      { text: "ページ" },
      { close: "t1" },
      { text: "を見てください。" },
    ]);
    expect(codes.get("t1")).toEqual({ id: "t1", kind: "pc", start: "[", end: "](/ja/a/)" });
  });

  it("writes what a translator typed so that it stays text", () => {
    const typed: Inline[] = [{ text: "<script>alert(1)</script> {x} *a* # b $y$ [l](u) &amp;" }];
    const out = writeInline("paragraph", typed, new Map());
    expect(decodeMarkdownText(out)).toBe(typed[0] && "text" in typed[0] ? typed[0].text : "");
    expect(out).not.toMatch(/(^|[^\\])[<{*$[]/);
    expect(writeInline("meta:title", [{ text: 'a "b" \\ c' }], new Map())).toBe('a \\"b\\" \\\\ c');
    expect(writeInline("prop:Video.title", [{ text: 'A & "B"' }], new Map())).toBe("A &amp; &quot;B&quot;");
  });

  it("reads PO's numbered tags as codes and leaves other angle brackets as text", () => {
    const inline: Inline[] = [{ text: "t <5 s, " }, { open: "1" }, { text: "bold" }, { close: "1" }, { text: " " }, { ph: "t2" }];
    expect(poText(inline)).toBe("t <5 s, <1>bold</1> <t2/>");
    expect(poInline(poText(inline))).toEqual(inline);
  });
});

describe("translation memory", () => {
  const unit = (mdx: string) => unitInline(paragraph(mdx), null);
  const entry = (origin: string, en: string, ja: string) => {
    const u = unitInline(paragraph(en), paragraph(ja));
    return { origin, source: u.source, target: u.target!, codes: u.codes };
  };
  const memory = new TranslationMemory([
    entry("c#a.1", "Run the cell to load `spike_times`.", "セルを実行して `spike_times` を読み込みます。"),
    entry("c#a.2", "Plot the histogram of all spike times.", "全スパイク時刻のヒストグラムを描きます。"),
  ]);

  it("offers the same text as an exact match, with codes renamed to the unit's", () => {
    const u = unit("Run the cell to load `spike_times`.");
    const [m] = memory.matches("d#b.1", u.source, u.codes);
    expect(m).toMatchObject({ origin: "c#a.1", similarity: 100 });
    expect(writeInline("paragraph", m!.target, u.codes)).toBe("セルを実行して `spike_times` を読み込みます。");
  });

  it("offers a similar text as a near match, never an entry to itself, nothing below the threshold", () => {
    const u = unit("Plot the histogram of all the spike times.");
    const [m] = memory.matches("d#b.2", u.source, u.codes);
    expect(m!.origin).toBe("c#a.2");
    expect(m!.similarity).toBeGreaterThanOrEqual(75);
    expect(m!.similarity).toBeLessThan(100);
    const self = unit("Plot the histogram of all spike times.");
    expect(memory.matches("c#a.2", self.source, self.codes)).toEqual([]);
    const far = unit("Something else entirely, about firing rates.");
    expect(memory.matches("d#b.3", far.source, far.codes)).toEqual([]);
  });

  it("does not count a different code as an exact match", () => {
    const u = unit("Run the cell to load `isi`.");
    const [m] = memory.matches("d#b.4", u.source, u.codes);
    expect(m!.similarity).toBeLessThan(100);
    expect(writeInline("paragraph", m!.target, u.codes)).toBe("セルを実行して `isi` を読み込みます。");
  });
});
