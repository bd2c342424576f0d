import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { mathFromMarkdown } from "mdast-util-math";
import { gfm } from "micromark-extension-gfm";
import { math } from "micromark-extension-math";
import { hasUnknownTagText, isKnownTag } from "./htmlToMdx.ts";

/** A block of a notebook's markdown cell the line-by-line import cannot take as it is. */
export interface SpecialBlock {
  /** "html": HTML a chapter cannot hold; "latex": a LaTeX environment written without $$. */
  readonly kind: "html" | "latex";
  /** Its last line (1-based, inclusive). */
  readonly endLine: number;
}

const containsUnknownHtml = (node: Nodes): boolean =>
  (node.type === "html" && !isKnownHtml(node.value)) || ("children" in node && node.children.some(containsUnknownHtml));

/** HTML the line-by-line import maps itself: the tags a chapter holds, <br>, our values, heading anchors. */
function isKnownHtml(value: string): boolean {
  const tags = value.match(/<[^>]*>/g) ?? [];
  const rest = value.replace(/<[^>]*>/g, "").trim();
  return tags.length > 0 && !rest && tags.every(isKnownTag);
}

/**
 * The top-level blocks of a markdown cell (read as Jupyter reads it: CommonMark, GFM, maths)
 * that need more than escaping, by their first line (1-based): blocks holding HTML a chapter
 * cannot (headings excepted: their anchors are taken as ids), and paragraphs that are a LaTeX
 * environment (`\begin{equation}` … `\end{equation}`), which Jupyter renders without `$$`.
 */
export function specialBlocks(source: string): Map<number, SpecialBlock> {
  const tree = fromMarkdown(source, { extensions: [gfm(), math()], mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()] });
  const blocks = new Map<number, SpecialBlock>();
  for (const node of tree.children) {
    if (!node.position || node.type === "heading" || node.type === "code" || node.type === "math") continue;
    const start = node.position.start.line;
    const end = node.position.end.line;
    const text = source
      .split("\n")
      .slice(start - 1, end)
      .join("\n")
      .trim();
    if (node.type === "paragraph" && /^\\begin\{([a-z]+\*?)\}[\s\S]*\\end\{\1\}$/.test(text))
      blocks.set(start, { kind: "latex", endLine: end });
    else if (containsUnknownHtml(node) || (node.type === "paragraph" && hasUnknownTagText(text)))
      blocks.set(start, { kind: "html", endLine: end });
  }
  return blocks;
}
