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
    else if (containsUnknownHtml(node) || (node.type === "paragraph" && hasUnknownTagText(text))) {
      // A <details> whose content follows after blank lines (Markdown inside it, as notebooks write
      // it) is one block up to its </details>, so the fold keeps its content.
      const opens = (text.match(/<details\b/gi) ?? []).length - (text.match(/<\/details>/gi) ?? []).length;
      const lines = source.split("\n");
      let last = end;
      if (opens > 0) {
        let depth = opens;
        for (let i = end; i < lines.length && depth > 0; i++) {
          depth += (lines[i]!.match(/<details\b/gi) ?? []).length - (lines[i]!.match(/<\/details>/gi) ?? []).length;
          if (depth <= 0) last = i + 1;
        }
      }
      blocks.set(start, { kind: "html", endLine: last });
    }
  }
  return blocks;
}

// The LaTeX environments Jupyter's Markdown (MathJax) draws as display maths wherever they stand.
const ENVIRONMENT = /\\begin\{(equation|align|alignat|gather|multline|flalign|eqnarray|displaymath)(\*?)\}/;

/**
 * A markdown cell with every LaTeX environment that stands outside `$…$`, `$$…$$` and code (after
 * a line of text with no blank line, in a list item, before more text) made a display formula of
 * its own: `$$` lines around it, blank lines around those, the item's indentation kept, its lines
 * as written (`\\`, `&` and all). Jupyter draws such an environment as maths; CommonMark alone
 * would read it as text. `count` says how many were made so.
 */
export function separateLatexEnvironments(source: string): { source: string; count: number } {
  const lines = source.split("\n");
  const code = codeLines(lines);
  const out: string[] = [];
  let display = false;
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (code[i]) {
      out.push(line);
      continue;
    }
    // A $$ block (opened and closed on one line, or over several) is maths already.
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) display = !display;
    const begin = display ? null : ENVIRONMENT.exec(line);
    // Inside an inline formula ($ … \begin … $) it is that formula's.
    if (!begin || (line.slice(0, begin.index).match(/(?<!\\)\$/g)?.length ?? 0) % 2 === 1) {
      out.push(line);
      continue;
    }
    const end = `\\end{${begin[1]}${begin[2]}}`;
    let last = i;
    while (last < lines.length && !lines[last]!.includes(end, last === i ? begin.index : 0)) last++;
    if (last === lines.length) {
      out.push(line); // never closed: left as it is (the build's formula check reads it)
      continue;
    }
    const indent = /^\s*/.exec(line)![0];
    const before = line.slice(0, begin.index).trimEnd();
    const closing = lines[last]!;
    const endAt = closing.indexOf(end, last === i ? begin.index : 0) + end.length;
    const body = [line.slice(begin.index), ...lines.slice(i + 1, last + 1)];
    if (last === i) body[0] = line.slice(begin.index, endAt);
    else body[body.length - 1] = closing.slice(0, endAt);
    const after = closing.slice(endAt).trim();
    if (before.trim()) out.push(before, "");
    else if (out.length && out.at(-1)!.trim()) out.push("");
    out.push(`${indent}$$`, ...body.map((l, k) => (k === 0 ? `${indent}${l.trimStart()}` : l)), `${indent}$$`, "");
    if (after) out.push(`${indent}${after}`);
    count++;
    i = last;
  }
  return { source: out.join("\n"), count };
}

/**
 * A markdown cell with every `$$…$$` written on one line (alone, or inside a line of text) made a
 * display formula of its own: Jupyter's MathJax draws `$$` as display maths wherever it stands,
 * where CommonMark's maths would read one line of `$$x$$` as inline. `$$` lines around it, blank
 * lines around those, the text before and after kept as paragraphs, the item's indentation kept.
 * Code and inline code are left alone. `count` says how many were made so.
 */
export function separateDisplayDollars(source: string): { source: string; count: number } {
  const lines = source.split("\n");
  const code = codeLines(lines);
  const out: string[] = [];
  let count = 0;
  let display = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const pairs = code[i] || line.includes("`") ? null : [...line.matchAll(/\$\$([^$]+?)\$\$/g)];
    if (!pairs?.length || display) {
      if (!code[i] && (line.match(/\$\$/g)?.length ?? 0) % 2 === 1) display = !display;
      out.push(line);
      continue;
    }
    // A list item's marker starts its first line; its other lines are indented under its text.
    const lead = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?/.exec(line)![0];
    // A line that continues a paragraph starts a block of its own.
    if (!lead.trim() && out.at(-1)?.trim()) out.push("");
    const cont = " ".repeat(lead.length);
    let first = true;
    const emit = (text: string) => {
      out.push(`${first ? lead : cont}${text}`);
      first = false;
    };
    const blank = () => {
      if (!first && out.at(-1)!.trim()) out.push("");
    };
    let at = lead.length;
    for (const m of pairs) {
      const before = line.slice(at, m.index).trim();
      if (before) emit(before);
      blank();
      emit("$$");
      emit(m[1]!.trim());
      emit("$$");
      out.push("");
      at = m.index + m[0].length;
      count++;
    }
    const after = line.slice(at).trim();
    if (after) emit(after);
  }
  return { source: out.join("\n"), count };
}

/** For each line of Markdown, whether it is code: a fence (``` or ~~~) or a line between two. */
export function codeLines(lines: readonly string[]): boolean[] {
  let fence: string | null = null;
  return lines.map((line) => {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f?.[1]!.startsWith(fence)) fence = null;
      return true;
    }
    if (f) fence = f[1]!;
    return f !== null;
  });
}
