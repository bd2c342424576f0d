import { fromMarkdown } from "mdast-util-from-markdown";
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import { fileOffsets } from "../../src/lib/content/offsets.ts";
import { parseMdx } from "../../src/lib/content/parseMdx.ts";
import { plainEmphasis } from "../../src/notebook/export/plainEmphasis.ts";
import { unitInline, writeInline } from "../../src/translation/exchange/inline.ts";
import { segmentsOf } from "../../src/translation/exchange/segments.ts";

const strongTexts = (tree: Root): string[] => {
  const out: string[] = [];
  const walk = (n: { type: string; children?: unknown[] }) => {
    if (n.type === "strong") out.push(JSON.stringify(n.children));
    for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
  };
  walk(tree);
  return out;
};

// Bold that ends on CJK punctuation before a letter: what translators write in zh, ja and ko.
const CJK = ["**重要：**無論如何", "**練習目標：**再畫一次", "**注意！**다음을", "那麼**「尖峰」**是什麼"];

describe("emphasis next to CJK punctuation", () => {
  it("is left as asterisks by plain CommonMark (the independent reading), and is bold in a chapter", () => {
    for (const text of CJK) {
      expect(strongTexts(fromMarkdown(text)), text).toEqual([]);
      expect(strongTexts(parseMdx(`${text}\n`)), text).toHaveLength(1);
    }
  });

  it("comes back bold from a translator's paired code", () => {
    const seg = (mdx: string) => segmentsOf(`## T \\{#s\\}\n\n${mdx}\n`).find((s) => s.kind === "paragraph")!;
    const { source, codes } = unitInline(seg("**Important:** whatever"), null);
    const open = source.find((i) => "open" in i)!;
    const written = writeInline(
      "paragraph",
      [open, { text: "重要：" }, { close: (open as { open: string }).open }, { text: "無論如何" }],
      codes,
    );
    expect(written).toBe("**重要：**無論如何");
    expect(strongTexts(parseMdx(`${written}\n`))).toHaveLength(1);
  });

  it("is written for a notebook as inline HTML where plain CommonMark would not take the asterisks, and kept elsewhere", () => {
    const notebookText = (mdx: string) => {
      const tree = parseMdx(mdx);
      return plainEmphasis(mdx, tree.children, fileOffsets(mdx));
    };
    expect(notebookText("**重要：**無論如何，*再*畫。\n")).toBe("<strong>重要：</strong>無論如何，*再*畫。");
    expect(notebookText("那麼**「尖峰」**是什麼\n")).toBe("那麼<strong>「尖峰」</strong>是什麼");
    expect(notebookText("**Goal:** see *this* and __that__.\n")).toBe("**Goal:** see *this* and __that__.");
    // What the notebook says is bold is bold for plain CommonMark too (as inline HTML).
    for (const text of CJK) {
      const html = JSON.stringify(fromMarkdown(notebookText(`${text}\n`)));
      expect(html).toContain('"value":"<strong>"');
    }
  });
});
