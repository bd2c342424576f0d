import { createHash } from "node:crypto";
import type { Heading, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { MdxSyntaxError, parseMdx } from "../../lib/content/parseMdx.ts";
import { splitFrontmatter } from "../../lib/content/splitFrontmatter.ts";

/** A section of a chapter: a heading with a stable id and the text up to the next heading. */
export interface Section {
  readonly id: string;
  /** 1-based line of the heading (or of the first line after the frontmatter, for the intro). */
  readonly line: number;
  readonly lastLine: number;
  readonly heading: string;
  readonly text: string;
}

export interface SplitChapter {
  readonly sections: Section[];
  /** Problems in the file itself: a heading without an id, an id used twice. */
  readonly problems: { line: number; message: string }[];
}

/** The text before a chapter's first heading. */
export const INTRO = "_intro";

/**
 * An ATX heading line as written: its marks, its text (Markdown kept, the id removed) and its id.
 * Trimmed before matching, so no pattern meets a long run of spaces at the end of a line.
 */
function headingLine(raw: string): [marks: string, text: string, id: string | undefined] | null {
  const line = raw.trim();
  const marks = /^#{1,6}(?=[ \t]|$)/.exec(line)?.[0];
  if (!marks) return null;
  const id = /\\\{#([A-Za-z][\w-]*)\\\}$/.exec(line);
  const text = (id ? line.slice(0, id.index) : line).slice(marks.length).trim();
  return [marks, text, id?.[1]];
}
const FENCE = /^\s*(```|~~~)/;
const ID = /\{#([A-Za-z][\w-]*)\}\s*$/;

/**
 * Splits an MDX chapter into its sections by heading (`## Title \{#id\}`), where the MDX
 * compiler sees headings: the top-level heading nodes of the same syntax tree (a `## ` line in
 * code, in a component or after a fence the compiler reads differently is not a section).
 * Every locale's file splits into the same ids. Text that does not parse is split by lines
 * (its problems are reported by the content check) so the translators' tools still work on it.
 */
export function splitSections(mdx: string): SplitChapter {
  const cached = splitCache.get(mdx);
  if (cached) return cached;
  let result: SplitChapter;
  try {
    result = splitByTree(mdx, parseMdx(mdx));
  } catch (err) {
    if (!(err instanceof MdxSyntaxError)) throw err;
    result = splitByLines(mdx);
  }
  if (splitCache.size >= 64) splitCache.delete(splitCache.keys().next().value!);
  splitCache.set(mdx, result);
  return result;
}

const splitCache = new Map<string, SplitChapter>();

function splitByTree(mdx: string, tree: Root): SplitChapter {
  const lines = mdx.split("\n");
  const { yaml } = splitFrontmatter(mdx);
  // The first line after the frontmatter (the closing fence's line + 1).
  const start = yaml === null ? 0 : yaml.split("\n").length;
  const headings = tree.children
    .filter((n): n is Heading => n.type === "heading")
    .map((n) => ({ node: n, line: n.position!.start.line - 1, lastLine: n.position!.end.line - 1 }));
  const sections: Section[] = [];
  const problems: { line: number; message: string }[] = [];
  const push = (id: string, line: number, heading: string, from: number, to: number) => {
    const text = lines.slice(from, to).join("\n");
    if (id !== INTRO || text.trim() !== "") sections.push({ id, line, lastLine: to, heading, text });
  };
  push(INTRO, start + 1, "", start, headings[0]?.line ?? lines.length);
  headings.forEach((h, i) => {
    const raw = lines.slice(h.line, h.lastLine + 1).join("\n");
    const written = headingLine(raw.replace(/\n/g, " "));
    const marks = written?.[0] ?? "#".repeat(h.node.depth);
    const id = ID.exec(toString(h.node))?.[1];
    // The heading as written (its Markdown kept), without the marks and the id.
    const heading = written?.[1] ?? toString(h.node).replace(ID, "").trim();
    if (!id)
      problems.push({
        line: h.line + 1,
        message: `heading "${heading}" has no stable id (write it as: ${marks} ${heading} \\{#some-id\\})`,
      });
    const key = id ?? `line-${h.line + 1}`;
    if (sections.some((s) => s.id === key)) problems.push({ line: h.line + 1, message: `section id "${key}" is used twice` });
    push(key, h.line + 1, heading, h.line, headings[i + 1]?.line ?? lines.length);
  });
  return { sections, problems };
}

function splitByLines(mdx: string): SplitChapter {
  const lines = mdx.split("\n");
  let start = 0;
  if (lines[0]?.trim() === "---") {
    const end = lines.indexOf("---", 1);
    start = end < 0 ? 0 : end + 1;
  }
  const sections: Section[] = [];
  const problems: { line: number; message: string }[] = [];
  let current = { id: INTRO, line: start + 1, heading: "", body: [] as string[] };
  let inFence = false;
  const close = (lastLine: number) => {
    const text = current.body.join("\n");
    if (current.id !== INTRO || text.trim() !== "")
      sections.push({ id: current.id, line: current.line, lastLine, heading: current.heading, text });
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) inFence = !inFence;
    const m = inFence ? null : headingLine(line);
    if (!m) {
      current.body.push(line);
      continue;
    }
    close(i);
    const [marks, text, written] = m;
    if (!written)
      problems.push({ line: i + 1, message: `heading "${text}" has no stable id (write it as: ${marks} ${text} \\{#some-id\\})` });
    const id = written ?? `line-${i + 1}`;
    if (sections.some((s) => s.id === id)) problems.push({ line: i + 1, message: `section id "${id}" is used twice` });
    current = { id, line: i + 1, heading: text, body: [line] };
  }
  close(lines.length);
  return { sections, problems };
}

/**
 * A section's text with layout differences removed: runs of spaces collapsed, blank lines
 * dropped, and the lines of a paragraph joined, so re-wrapping a paragraph without changing its
 * words changes nothing. Lines inside fenced code keep their breaks (there they are meaning).
 */
export function normalizeSection(text: string): string {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let inFence = false;
  const flush = () => {
    if (paragraph.length) blocks.push(paragraph.join(" "));
    paragraph = [];
  };
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\s+/g, " ").trim();
    if (FENCE.test(raw)) {
      flush();
      inFence = !inFence;
      blocks.push(line);
      continue;
    }
    if (inFence) {
      if (line !== "") blocks.push(line);
      continue;
    }
    if (line === "") flush();
    // A heading, a component tag or a list item starts its own line whatever the wrapping.
    else if (/^(#{1,6} |<|[-*+] |\d+[.)] |\$\$)/.test(line)) {
      flush();
      paragraph.push(line);
    } else paragraph.push(line);
  }
  flush();
  return blocks.join("\n");
}

/** The version of a section's text that a translation records: 12 hex digits of its normalized SHA-256. */
export function sectionHash(text: string): string {
  return createHash("sha256").update(normalizeSection(text)).digest("hex").slice(0, 12);
}
