import { describe, expect, it } from "vitest";
import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import {
  countTerm,
  findForms,
  forbiddenUses,
  formsOf,
  mergeGlossaries,
  missingTerms,
  parseGlossary,
} from "../../src/translation/model/glossary.ts";
import rehypeGlossary, { hintLocales } from "../../src/translation/glossary/rehypeGlossary.ts";

const glossary = parseGlossary(`
- id: spike
  en: spike
  ja: スパイク
  variants:
    en: [spikes]
- id: histogram
  en: histogram
  ja: ヒストグラム
  forbidden:
    ja: [度数分布図]
`);
const [spike, histogram] = glossary as [(typeof glossary)[0], (typeof glossary)[0]];

describe("the glossary", () => {
  it("refuses a key that is not a language tag (such as __proto__), naming the entry and key", () => {
    for (const [yaml, key] of [
      ["- id: x\n  en: a\n  __proto__: b\n", "__proto__"],
      ["- id: x\n  en: a\n  variants:\n    __proto__: [c]\n", "variants.__proto__"],
      ["- id: x\n  en: a\n  forbidden:\n    constructor: [c]\n", "forbidden.constructor"],
    ])
      expect(() => parseGlossary(yaml!, "chapters/ch/glossary.yaml"), key).toThrow(
        `chapters/ch/glossary.yaml: entry 1: ${key}: not a language tag (en, ja, pt-BR, zh-Hant-TW)`,
      );
  });

  it("counts whole words: inter-spike is not spike, a variant counts", () => {
    expect(countTerm("Each inter-spike interval; spike-sorting.", spike, "en")).toBe(0);
    expect(countTerm("A spike, then spikes. Spike!", spike, "en")).toBe(3);
    expect(countTerm("スパイク列のスパイク", spike, "ja")).toBe(2);
  });

  it("reports an agreed term a translated section lacks, with both counts, unless silenced there", () => {
    const missing = missingTerms("A histogram of spikes and a histogram.", "スパイクの図。", glossary, "en", "ja");
    expect(missing.map((m) => [m.term.id, m.sourceCount, m.count])).toEqual([["histogram", 2, 0]]);
    const quiet = 'スパイクの図。<span data-i18n-ignore="glossary:histogram" />';
    expect(missingTerms("A histogram of spikes.", quiet, glossary, "en", "ja")).toEqual([]);
    // Code and maths are not prose.
    expect(missingTerms("Call `histogram()`.", "呼びます。", glossary, "en", "ja")).toEqual([]);
  });

  it("finds a forbidden rendering with its line, unless silenced around it", () => {
    const text = '## 見出し\n\nヒストグラムと度数分布図。\n\n<span data-i18n-ignore="glossary:histogram">度数分布図</span>という古い呼び方';
    expect(forbiddenUses(text, glossary, "ja", 10).map((u) => [u.form, u.line])).toEqual([["度数分布図", 12]]);
    expect(histogram.forbidden.ja).toEqual(["度数分布図"]);
  });

  it("names the source's term on a translated page, and on a source page only what the course asks for", () => {
    expect(hintLocales("ja", "en", ["ja", "en"])).toEqual(["en"]);
    // A third language's terms never reach another translation's page, nor the source's.
    expect(hintLocales("ja", "en", ["ja", "en", "zh-Hant-TW"])).toEqual(["en"]);
    expect(hintLocales("zh-Hant-TW", "en", ["ja", "en", "zh-Hant-TW"])).toEqual(["en"]);
    expect(hintLocales("en", "en", ["ja", "en", "zh-Hant-TW"])).toEqual([]);
    expect(hintLocales("en", "en", ["ja", "en", "zh-Hant-TW"], ["ja", "ko", "en"])).toEqual(["ja"]);
  });
});

describe("glossary terms on word edges", () => {
  const glossary = parseGlossary(
    [
      "- id: linear",
      "  en: linear",
      "  ja: 線形",
      "- id: isi",
      "  en: inter-spike interval",
      "  ja: スパイク間隔",
      "  variants:",
      "    ja: [インタースパイク間隔]",
      "- id: refractory",
      "  en: refractory period",
      "  pt-BR: período refratário",
      "  forbidden:",
      "    pt-BR: [período de refração]",
    ].join("\n"),
  );
  const [linear, isi] = glossary;

  it("a Japanese term is not found inside a longer word (非線形 is not 線形)", () => {
    expect(countTerm("非線形なモデルと線形モデル", linear!, "ja")).toBe(1);
  });

  it("the longest rendering wins: インタースパイク間隔 counts once, not again as スパイク間隔", () => {
    expect(findForms("インタースパイク間隔とスパイク間隔", formsOf(glossary, "ja"), "ja").map((m) => m.form)).toEqual([
      "インタースパイク間隔",
      "スパイク間隔",
    ]);
    expect(countTerm("インタースパイク間隔", isi!, "ja")).toBe(1);
  });

  it("forbidden renderings are found whatever their case, with accents (pt-BR)", () => {
    const uses = forbiddenUses("Período de refração é curto.\n\nO período refratário.", glossary, "pt-BR");
    expect(uses.map((u) => [u.form, u.line])).toEqual([["período de refração", 1]]);
  });
});

describe("a chapter's own glossary", () => {
  const chapterTerms = parseGlossary(
    `
- id: neuron
  en: neuron
  ja: ニューロン
  zh-Hant-TW: 神經元
- id: histogram
  en: histogram
  ja: 柱状図
`,
    "chapters/c/glossary.yaml",
  );

  it("adds its terms to the course's and replaces a course term with the same id", () => {
    const merged = mergeGlossaries(glossary, chapterTerms);
    expect(merged.map((t) => [t.id, t.names.ja])).toEqual([
      ["spike", "スパイク"],
      ["histogram", "柱状図"],
      ["neuron", "ニューロン"],
    ]);
  });

  it("marks terms on the chapter's pages only, in any locale tag (zh-Hant-TW)", () => {
    const terms = (chapter: string | null) => (chapter === "w1d1/lif" ? mergeGlossaries(glossary, chapterTerms) : glossary);
    const marked = (path: string, text: string) => {
      const tree: Root = {
        type: "root",
        children: [{ type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: text }] }],
      };
      rehypeGlossary({ glossary: terms, sourceLocale: "en", locales: ["en", "ja", "zh-Hant-TW"], aside: () => [" (", ")"] })(tree, {
        path,
      });
      return toHtml(tree);
    };
    expect(marked("/p/content/ja/w1d1/lif/index.mdx", "ニューロンのスパイク")).toMatch(/class="term"[^>]*>ニューロン/);
    expect(marked("/p/content/ja/w1d1/tutorial1/index.mdx", "ニューロンのスパイク")).not.toMatch(/class="term"[^>]*>ニューロン/);
    expect(marked("/p/content/ja/w1d1/tutorial1/index.mdx", "ニューロンのスパイク")).toMatch(/class="term"[^>]*>スパイク/);
    const zh = marked("/p/content/zh-Hant-TW/w1d1/lif/index.mdx", "一個神經元的放電");
    expect(zh).toMatch(/class="term"[^>]*>神經元/);
    expect(zh).toContain('lang="en"');
  });
});
