import type { Nodes, PhrasingContent, Root } from "mdast";
import { fileOffsets } from "../../lib/content/offsets.ts";
import { parseMdx } from "../../lib/content/parseMdx.ts";
import { PROSE_PROPS } from "../model/proseProps.ts";
import { splitSections } from "../model/sections.ts";

/**
 * A piece of a segment: text a translator edits (as written in the file, escapes and all), or a
 * part kept as it is. A kept part is a whole thing (`code`, maths, an image, a `<Value>`), or one
 * end of a pair around text the translator edits: a link's `[` and `](address)`, `**` around
 * bold words, a `<sub>` and its `</sub>`; both ends of a pair carry the same `pair` number.
 */
export type Piece =
  { readonly text: string } | { readonly keep: string; readonly pair?: { readonly n: number; readonly end: "open" | "close" } };

/**
 * A translatable unit of a chapter: a heading's words, a paragraph, a component's prose prop,
 * or a frontmatter field, with its span in the file (what an import replaces) and its pieces.
 */
export interface Segment {
  readonly section: string;
  /** What it is: "heading", "paragraph", "prop:Video.title", "meta:title"; a translation's segment must be of the same kind. */
  readonly kind: string;
  /** A prop's quote character (its text is written between two of them). */
  readonly quote?: string | undefined;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly pieces: readonly Piece[];
}

/** The section holding the frontmatter's prose fields. */
export const META = "_meta";
const META_FIELDS = /^(title|description|course|byline|thanks):[ \t]*"((?:[^"\\]|\\.)*)"[ \t]*$/;
const HEADING_ID = /[ \t]*\\\{#[A-Za-z][\w-]*\\\}[ \t]*$/;
/** Inline elements whose content is kept whole (code, a value): the translator sees a placeholder. */
const WHOLE_ELEMENTS = new Set(["code", "kbd", "samp", "var", "Value"]);
/** Inline nodes that pair around text the translator edits. */
const PAIRED = new Set(["link", "strong", "emphasis", "delete", "mdxJsxTextElement"]);

interface Positioned {
  position?: { start: { line: number; column: number }; end: { line: number; column: number } } | undefined;
}

/** Every segment of a chapter, in the order written. */
export function segmentsOf(mdx: string, tree: Root = parseMdx(mdx)): Segment[] {
  const offset = fileOffsets(mdx);
  const sections = splitSections(mdx).sections;
  const sectionAt = (line: number) => sections.find((s) => line >= s.line && line <= s.lastLine)?.id ?? "_intro";
  const segments: Segment[] = [];
  const span = (n: Positioned) => [offset(n.position!.start), offset(n.position!.end)] as const;

  // The frontmatter's prose: double-quoted fields, one line each.
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(mdx);
  if (front) {
    let at = front[0].indexOf("\n") + 1;
    front[1]!.split("\n").forEach((line, i) => {
      const m = META_FIELDS.exec(line);
      if (m) {
        const start = at + line.indexOf('"') + 1;
        segments.push({ section: META, kind: `meta:${m[1]}`, start, end: start + m[2]!.length, line: i + 2, pieces: [{ text: m[2]! }] });
      }
      at += line.length + 1;
    });
  }

  const pieces = (start: number, end: number, children: readonly PhrasingContent[]): Piece[] => {
    const keep: [number, number, Piece & { keep: string }][] = [];
    let pairs = 0;
    const walk = (nodes: readonly Nodes[]) => {
      for (const node of nodes) {
        if (!("position" in node) || !node.position) continue;
        const [s, e] = span(node);
        const inner = "children" in node ? (node.children as Nodes[]).filter((c) => c.position) : [];
        const whole =
          node.type === "inlineCode" ||
          node.type === "inlineMath" ||
          node.type === "image" ||
          node.type === "imageReference" ||
          node.type === "break" ||
          node.type === "mdxTextExpression" ||
          node.type === "footnoteReference" ||
          (node.type === "mdxJsxTextElement" && WHOLE_ELEMENTS.has(node.name ?? ""));
        if (whole || (PAIRED.has(node.type) && inner.length === 0)) keep.push([s, e, { keep: mdx.slice(s, e) }]);
        else if (PAIRED.has(node.type)) {
          const n = ++pairs;
          const [innerStart, innerEnd] = [span(inner[0]!)[0], span(inner.at(-1)!)[1]];
          keep.push([s, innerStart, { keep: mdx.slice(s, innerStart), pair: { n, end: "open" } }]);
          keep.push([innerEnd, e, { keep: mdx.slice(innerEnd, e), pair: { n, end: "close" } }]);
          walk(inner);
        } else if (inner.length) walk(inner);
      }
    };
    walk(children);
    keep.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const out: Piece[] = [];
    let at = start;
    for (const [s, e, piece] of keep) {
      if (s > at) out.push({ text: mdx.slice(at, s) });
      if (e > s) out.push(piece);
      at = Math.max(at, e);
    }
    if (end > at) out.push({ text: mdx.slice(at, end) });
    return out;
  };

  const visit = (node: Nodes) => {
    if (node.type === "heading" && node.position && node.children.length) {
      const [start] = span(node.children[0]!);
      const [, rawEnd] = span(node.children.at(-1)!);
      const raw = mdx.slice(start, rawEnd);
      const end = rawEnd - (HEADING_ID.exec(raw)?.[0].length ?? 0);
      segments.push({
        section: sectionAt(node.position.start.line),
        kind: "heading",
        start,
        end,
        line: node.position.start.line,
        pieces: pieces(start, end, node.children),
      });
      return;
    }
    if (node.type === "paragraph" && node.position) {
      const [start, end] = span(node);
      segments.push({
        section: sectionAt(node.position.start.line),
        kind: "paragraph",
        start,
        end,
        line: node.position.start.line,
        pieces: pieces(start, end, node.children),
      });
      return;
    }
    if (node.type === "mdxJsxFlowElement" && node.name && /^[A-Z]/.test(node.name)) {
      for (const attr of node.attributes) {
        if (attr.type !== "mdxJsxAttribute" || !PROSE_PROPS.includes(attr.name) || typeof attr.value !== "string" || !attr.position)
          continue;
        const [s, e] = span(attr);
        const raw = mdx.slice(s, e);
        const open = raw.search(/=\s*["']/);
        if (open < 0) continue;
        const quote = raw.indexOf(/["']/.exec(raw.slice(open))![0], open);
        const start = s + quote + 1;
        const end = e - 1;
        segments.push({
          section: sectionAt(attr.position.start.line),
          kind: `prop:${node.name}.${attr.name}`,
          start,
          end,
          line: attr.position.start.line,
          quote: mdx[start - 1],
          pieces: [{ text: mdx.slice(start, end) }],
        });
      }
    }
    if (node.type === "code" || node.type === "math") return;
    if ("children" in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return segments;
}

/** A segment's text as written (its pieces joined). */
export function segmentText(segment: Segment): string {
  return segment.pieces.map((p) => ("text" in p ? p.text : p.keep)).join("");
}
