/**
 * A chapter's text as the Markdown parser's inline pass meets it, for the counts made before
 * parsing (emphasisWork.ts, inlineWork.ts): its paragraphs, and each paragraph's characters
 * outside what holds no markup.
 */

/**
 * Calls `visit` with each paragraph of a chapter's text (its lines without their block prefixes)
 * and the paragraph's first line, until it returns false. Fenced code and display maths are no
 * paragraph; a blank line, a heading, a list item, a quote, a thematic break or a component on a
 * line of its own ends one.
 */
export function forEachParagraph(text: string, visit: (paragraph: string, line: number) => boolean): void {
  let paragraph = "";
  let start = 1;
  let fence: string | null = null;
  /** Hands the paragraph so far to `visit`; false once it says to stop. */
  const flush = (): boolean => {
    const going = paragraph ? visit(paragraph, start) : true;
    paragraph = "";
    return going;
  };
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const { content, opensBlock } = blockContent(lines[n]!);
    const marker = /^(`{3,}|~{3,}|\${2,})/.exec(content)?.[1];
    if (fence !== null) {
      // Inside fenced code or display maths until a fence of the same kind, at least as long.
      if (marker?.startsWith(fence[0]!) && marker.length >= fence.length && content.slice(marker.length).trim() === "") fence = null;
      continue;
    }
    if (marker) {
      if (!flush()) return;
      fence = marker;
      continue;
    }
    // The line's own text starts the next paragraph.
    const ends = content.trim() === "" || opensBlock || /^(#{1,6}(\s|$)|<)/.test(content) || /^([-*_])(\s*\1){2,}\s*$/.test(content);
    if (ends && !flush()) return;
    if (content.trim() === "") continue;
    if (!paragraph) start = n + 1;
    paragraph += (paragraph ? "\n" : "") + content;
  }
  flush();
}

/** A line without its block prefix (indentation, `>` markers, list markers), and whether it had one that starts a block. */
function blockContent(line: string): { content: string; opensBlock: boolean } {
  const m = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/.exec(line)!;
  const prefix = m[0];
  return { content: line.slice(prefix.length), opensBlock: /[>*+\-)]|\d\./.test(prefix) };
}

/**
 * Calls `at` with each character of a paragraph that the parser reads as text or markup, by
 * offset: escaped characters, code spans, inline maths, `{…}` expressions and `<…>` tags are
 * passed over, each a call of `passed`. `at` returns the offset to go on from (after a run it
 * has read whole).
 */
export function forEachInlineCharacter(text: string, at: (c: string, i: number) => number, passed: () => void = () => undefined): void {
  // Run lengths of a character with no closing run after some point, so none after any later point.
  const unclosed = new Set<string>();
  let noTagEnd = false;
  let noBraceEnd = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\\") {
      passed();
      i += 2;
      continue;
    }
    if (c === "`" || c === "$") {
      passed();
      // A code span or inline maths: a run of n, up to the next run of exactly n (or literal text).
      const n = runLength(text, i, c);
      const key = `${c}${n}`;
      const end = unclosed.has(key) ? -1 : closingRun(text, i + n, c, n);
      if (end < 0) unclosed.add(key);
      i = end < 0 ? i + n : end + n;
      continue;
    }
    if (c === "{" && !noBraceEnd) {
      const end = text.indexOf("}", i + 1);
      if (end < 0) noBraceEnd = true;
      else {
        passed();
        i = end + 1;
        continue;
      }
    }
    if (c === "<" && !noTagEnd && /^<\/?[A-Za-z]/.test(text.slice(i, i + 3))) {
      const end = text.indexOf(">", i + 1);
      if (end < 0) noTagEnd = true;
      else {
        passed();
        i = end + 1;
        continue;
      }
    }
    i = at(c, i);
  }
}

/** How many characters `c` run from offset `i`. */
export function runLength(text: string, i: number, c: string): number {
  let j = i;
  while (text[j] === c) j++;
  return j - i;
}

/** Where the next run of exactly `n` characters `c` starts at or after `from`, or -1. */
function closingRun(text: string, from: number, c: string, n: number): number {
  for (let j = text.indexOf(c, from); j >= 0;) {
    const m = runLength(text, j, c);
    if (m === n) return j;
    j = text.indexOf(c, j + m);
  }
  return -1;
}

/** The deepest nesting of spans that nest or are apart (never cross), as pairs of offsets. */
export function nestedDepth(pairs: [number, number][]): number {
  pairs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const ends: number[] = [];
  let deepest = 0;
  for (const [from, to] of pairs) {
    while (ends.length && ends[ends.length - 1]! <= from) ends.pop();
    ends.push(to);
    deepest = Math.max(deepest, ends.length);
  }
  return deepest;
}
