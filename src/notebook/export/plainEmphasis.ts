import type { Nodes } from "mdast";
import { visit } from "unist-util-visit";

/** A replacement in the file: the text from `start` to `end` (offsets) becomes `text`. */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isPunct = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);

// CommonMark's flanking rules (6.2): a run opens only when left-flanking, closes only when right-flanking.
const leftFlanking = (before: string | undefined, after: string | undefined) =>
  !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
const rightFlanking = (before: string | undefined, after: string | undefined) =>
  !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));

/**
 * A piece of a chapter as plain CommonMark reads it. The site parses emphasis next to CJK
 * punctuation as its authors mean it (`**重要：**無論` is bold: remark-cjk-friendly), but a
 * notebook's Markdown is drawn by Jupyter's CommonMark, which leaves those asterisks as text. Each
 * `*…*` or `**…**` whose delimiters CommonMark would not take becomes `<em>…</em>` or
 * `<strong>…</strong>` (inline HTML, whose content stays Markdown); everything else is the file's
 * own text, from the first node's start to the last one's end. `offset` turns a tree position
 * into an offset in `mdx`.
 */
export function plainEmphasis(mdx: string, nodes: readonly Nodes[], offset: (p: { line: number; column: number }) => number): string {
  const placed = nodes.filter((n) => n.position);
  if (!placed.length) return "";
  const from = offset(placed[0]!.position!.start);
  const to = offset(placed.at(-1)!.position!.end);
  const edits: Edit[] = [];
  for (const node of placed)
    visit(node, (n) => {
      if ((n.type !== "strong" && n.type !== "emphasis") || !n.position) return;
      const start = offset(n.position.start);
      const end = offset(n.position.end);
      const size = n.type === "strong" ? 2 : 1;
      const open = mdx.slice(start, start + size);
      const close = mdx.slice(end - size, end);
      if (!/^(\*+|_+)$/.test(open) || open !== close) return;
      const opens = leftFlanking(charBefore(mdx, start), charAt(mdx, start + size));
      const closes = rightFlanking(charBefore(mdx, end - size), charAt(mdx, end));
      if (opens && closes) return;
      const tag = n.type === "strong" ? "strong" : "em";
      edits.push({ start, end: start + size, text: `<${tag}>` }, { start: end - size, end, text: `</${tag}>` });
    });
  edits.sort((a, b) => a.start - b.start);
  let out = "";
  let at = from;
  for (const e of edits) {
    out += mdx.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + mdx.slice(at, to);
}

// Whole characters (an astral one is two UTF-16 units), so the class of 𠮷 is a letter's.
function charBefore(text: string, at: number): string | undefined {
  if (at <= 0) return undefined;
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1];
}

function charAt(text: string, at: number): string | undefined {
  if (at >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(at)!);
}
