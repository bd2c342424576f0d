import type { Root } from "mdast";
import { visitParents } from "unist-util-visit-parents";
import { fileOffsets } from "../../lib/content/offsets.ts";
import { parseMdx } from "../../lib/content/parseMdx.ts";
import { PROSE_PROPS } from "./proseProps.ts";
import { splitSections } from "./sections.ts";

/**
 * A part of a chapter a translation keeps exactly as the source has it: a code block, a
 * formula (display or inline), or a component prop that is not prose (a cell's id, a video's
 * id, an output's key). Offsets are in the file, so a tool can replace the part in place.
 */
export interface VerbatimPart {
  readonly kind: "code" | "math" | "inline-math" | "inline-code" | "prop";
  /** What the part is, for messages: "code block", "formula", `<Cell> prop id`. */
  readonly label: string;
  /** The part's content, whitespace normalised (what is compared). */
  readonly value: string;
  /** A block's content as written, line by line (for messages that show the differing line). */
  readonly raw?: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** For a prop: the component's position among the section's components, and the prop. */
  readonly component?: number;
  readonly prop?: string;
}

const normal = (s: string) => s.replace(/\s+/g, " ").trim();

/** Every verbatim part of a chapter, by section id, in the order written. */
export function verbatimParts(mdx: string, tree: Root = parseMdx(mdx)): Map<string, VerbatimPart[]> {
  const sections = splitSections(mdx).sections;
  const bySection = new Map<string, VerbatimPart[]>(sections.map((s) => [s.id, []]));
  const componentCount = new Map<string, number>();
  const sectionAt = (line: number) => sections.find((s) => line >= s.line && line < s.lastLine + 1)?.id;
  const offset = fileOffsets(mdx);
  visitParents(tree, (node) => {
    const pos = node.position;
    if (!pos) return;
    const id = sectionAt(pos.start.line);
    if (!id) return;
    const parts = bySection.get(id)!;
    const at = { line: pos.start.line, start: offset(pos.start), end: offset(pos.end) };
    if (node.type === "code")
      parts.push({ kind: "code", label: "code block", value: normal(`${node.lang ?? ""}\n${node.value}`), raw: node.value, ...at });
    else if (node.type === "math") parts.push({ kind: "math", label: "formula", value: normal(node.value), raw: node.value, ...at });
    else if (node.type === "inlineMath") parts.push({ kind: "inline-math", label: "inline formula", value: normal(node.value), ...at });
    else if (node.type === "inlineCode") parts.push({ kind: "inline-code", label: "inline code", value: node.value, ...at });
    else if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name && /^[A-Z]/.test(node.name)) {
      const index = componentCount.get(id) ?? 0;
      componentCount.set(id, index + 1);
      for (const attr of node.attributes) {
        if (attr.type !== "mdxJsxAttribute" || PROSE_PROPS.includes(attr.name) || !attr.position) continue;
        const value =
          attr.value === null || attr.value === undefined ? "true" : typeof attr.value === "string" ? attr.value : `{${attr.value.value}}`;
        parts.push({
          kind: "prop",
          label: `<${node.name}> prop ${attr.name}`,
          value,
          line: attr.position.start.line,
          start: offset(attr.position.start),
          end: offset(attr.position.end),
          component: index,
          prop: attr.name,
        });
      }
    }
  });
  return bySection;
}

/** A verbatim part of a translation that differs from the source's. */
export interface VerbatimProblem {
  readonly section: string;
  readonly line: number;
  readonly message: string;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** Two versions of a line cut to where they differ (about 60 characters from a little before it). */
function around(a: string, b: string): [string, string] {
  let j = 0;
  while (j < a.length && a[j] === b[j]) j++;
  const from = Math.max(0, j - 20);
  const cut = (s: string) => `${from > 0 ? "…" : ""}${clip(s.slice(from))}`;
  return [cut(a), cut(b)];
}

/**
 * Where a block (code, a display formula) of the translation departs from the source's: the
 * first differing line of each (its line in the file: the block's first line is its fence), or
 * how many lines one has more than the other.
 */
function blockDifference(label: string, have: VerbatimPart, want: VerbatimPart): { line: number; message: string } {
  const h = (have.raw ?? have.value).split("\n");
  const w = (want.raw ?? want.value).split("\n");
  const k = h.findIndex((line, i) => normal(line) !== normal(w[i] ?? ""));
  if (k >= 0 && k < w.length) {
    const [mine, theirs] = around(h[k]!.trim(), w[k]!.trim());
    return {
      line: have.line + 1 + k,
      message: `${label} differs from the source's at its line ${k + 1} (source line ${want.line + 1 + k}): "${mine}" instead of "${theirs}"`,
    };
  }
  const extra = h.length - w.length;
  return {
    line: have.line + 1 + Math.min(h.length, w.length),
    message: `${label} has ${Math.abs(extra)} line(s) ${extra > 0 ? "more" : "fewer"} than the source's (source line ${want.line})`,
  };
}

/**
 * Code blocks and formulas that differ between a source and a translation, section by section
 * (props are compared with the components, in `structureProblems`). Code and display formulas
 * are compared in order; inline formulas as a set, since a translation may reorder a sentence;
 * inline code must be the source section's (a name in code is not translated: `spike_times`
 * stays `spike_times`), though a translation may use it more or fewer times.
 */
export function verbatimProblems(sourceMdx: string, translationMdx: string): VerbatimProblem[] {
  const source = verbatimParts(sourceMdx);
  const translation = verbatimParts(translationMdx);
  const problems: VerbatimProblem[] = [];
  for (const [section, mine] of translation) {
    const theirs = source.get(section);
    if (!theirs) continue;
    const headingLine = splitSections(translationMdx).sections.find((s) => s.id === section)!.line;
    for (const kind of ["code", "math"] as const) {
      const want = theirs.filter((p) => p.kind === kind);
      const have = mine.filter((p) => p.kind === kind);
      for (let i = 0; i < Math.max(want.length, have.length); i++) {
        const w = want[i];
        const h = have[i];
        if (w && w.value === h?.value) continue;
        const label = (w ?? h)!.label;
        problems.push(
          h && w
            ? { section, ...blockDifference(label, h, w) }
            : {
                section,
                line: h?.line ?? headingLine,
                message: !h
                  ? `${label} ${i + 1} of section "${section}" is missing (source line ${w!.line})`
                  : `${label} ${i + 1} of section "${section}" is not in the source`,
              },
        );
        break; // the rest of the section is shifted: one message is clearer
      }
    }
    const want = theirs.filter((p) => p.kind === "inline-math").map((p) => p.value);
    for (const h of mine.filter((p) => p.kind === "inline-math")) {
      const at = want.indexOf(h.value);
      if (at >= 0) want.splice(at, 1);
      else problems.push({ section, line: h.line, message: `inline formula $${clip(h.value)}$ is not in the source section "${section}"` });
    }
    for (const w of want)
      problems.push({ section, line: headingLine, message: `inline formula $${clip(w)}$ of the source section "${section}" is missing` });
    const codes = new Set(theirs.filter((p) => p.kind === "inline-code").map((p) => p.value));
    for (const h of mine.filter((p) => p.kind === "inline-code" && !codes.has(p.value)))
      problems.push({
        section,
        line: h.line,
        message: `inline code \`${clip(h.value)}\` is not in the source section "${section}" (code is kept as the source writes it)`,
      });
  }
  return problems;
}
