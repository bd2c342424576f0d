import { diffArrays, diffWordsWithSpace } from "diff";

/** A block of a section: lines up to a blank line (a fenced code block is one block). */
export interface Paragraph {
  /** The block's words, whitespace collapsed (re-wrapping changes nothing). */
  readonly text: string;
  /** 1-based line of its first line in the file. */
  readonly line: number;
}

/** A section's blocks with their lines, `firstLine` being the line of the section's first line. */
export function paragraphs(section: string, firstLine: number): Paragraph[] {
  const out: Paragraph[] = [];
  let lines: string[] = [];
  let start = 0;
  let inFence = false;
  const flush = () => {
    const text = lines.join(" ").replace(/\s+/g, " ").trim();
    if (text) out.push({ text, line: firstLine + start });
    lines = [];
  };
  section.split("\n").forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence && line.trim() === "") {
      flush();
      start = i + 1;
      return;
    }
    if (lines.length === 0) start = i;
    lines.push(line);
  });
  flush();
  return out;
}

/** One changed block of a source section: where it is now, and its words changed. */
export interface ParagraphChange {
  /** Index of the block in the section now (or where a removed block was). */
  readonly index: number;
  readonly sourceLine: number;
  /** The words, removed as [-…-] and added as {+…+}, the rest as it is. */
  readonly words: string;
}

/** The blocks that changed between two versions of a section, each with a word-level diff. */
export function paragraphChanges(before: string, after: string, afterFirstLine: number): ParagraphChange[] {
  const old = paragraphs(before, 1);
  const now = paragraphs(after, afterFirstLine);
  const parts = diffArrays(
    old.map((p) => p.text),
    now.map((p) => p.text),
  );
  const changes: ParagraphChange[] = [];
  let index = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      index += part.value.length;
      continue;
    }
    // A removal followed by an addition is the same block edited: diff them word by word.
    const next = parts[i + 1];
    const removed = part.removed ? part.value : [];
    const added = part.added ? part.value : part.removed && next?.added ? next.value : [];
    if (part.removed && next?.added) i++;
    const n = Math.max(removed.length, added.length);
    for (let k = 0; k < n; k++) {
      const at = Math.min(index + k, Math.max(now.length - 1, 0));
      changes.push({ index: index + k, sourceLine: now[at]?.line ?? afterFirstLine, words: wordDiff(removed[k] ?? "", added[k] ?? "") });
    }
    index += added.length;
  }
  return changes;
}

/** Two texts' difference word by word: removed words in [-…-], added in {+…+}. */
export function wordDiff(before: string, after: string): string {
  return diffWordsWithSpace(before, after)
    .map((p) => (p.added ? `{+${p.value}+}` : p.removed ? `[-${p.value}-]` : p.value))
    .join("");
}
