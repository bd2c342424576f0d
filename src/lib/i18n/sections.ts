import { createHash } from "node:crypto";

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

const HEADING = /^(#{1,6})\s+(.*?)\s*(?:\\\{#([A-Za-z][\w-]*)\\\})?\s*$/;
const FENCE = /^\s*(```|~~~)/;

/**
 * Splits an MDX chapter into its sections by heading (`## Title \{#id\}`), skipping the
 * frontmatter and fenced code. Every locale's file splits into the same ids.
 */
export function splitSections(mdx: string): SplitChapter {
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
    const m = inFence ? null : HEADING.exec(line);
    if (!m) {
      current.body.push(line);
      continue;
    }
    close(i);
    if (!m[3]) problems.push({ line: i + 1, message: `heading "${m[2]}" has no stable id (write it as: ${m[1]} ${m[2]} \\{#some-id\\})` });
    const id = m[3] ?? `line-${i + 1}`;
    if (sections.some((s) => s.id === id)) problems.push({ line: i + 1, message: `section id "${id}" is used twice` });
    current = { id, line: i + 1, heading: m[2]!, body: [line] };
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
