import { createHash } from "node:crypto";

/**
 * The prose of an MDX chapter as plain text, paragraph by paragraph: frontmatter, fenced code,
 * display maths, component tags, inline code and heading ids removed.
 */
export function proseParagraphs(mdx: string): string[] {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, "");
  const paragraphs: string[] = [];
  let current: string[] = [];
  let fence = false;
  let math = false;
  const flush = () => {
    const text = current.join(" ").trim();
    if (text) paragraphs.push(text);
    current = [];
  };
  for (const line of body.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) {
      fence = !fence;
      flush();
      continue;
    }
    if (line.trim() === "$$") {
      math = !math;
      flush();
      continue;
    }
    if (fence || math) continue;
    if (line.trim() === "" || /^\s*<\/?[A-Z][^>]*>\s*$/.test(line)) {
      flush();
      continue;
    }
    current.push(
      line
        .replace(/\\\{#[\w-]+\\\}/g, "")
        .replace(/<[^>]+>/g, " ")
        .replace(/`[^`]*`/g, " ")
        .replace(/^#+\s*|^\s*-\s+/g, "")
        .replace(/[*_]/g, ""),
    );
  }
  flush();
  return paragraphs;
}

/** Lower case, letters and digits only, single spaces: two wordings compare equal only if their words do. */
export function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The sentences of a paragraph (split after . ? ! : followed by a space or the end). */
export function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.?!:…])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Sentences of at least `minWords` words, normalized. */
export function sentenceKeys(mdx: string, minWords = 5): string[] {
  return proseParagraphs(mdx)
    .flatMap(sentences)
    .map(normalizeWords)
    .filter((s) => s.split(" ").length >= minWords);
}

/** Every run of `n` consecutive words of the prose (within a paragraph), normalized. */
export function shingles(mdx: string, n: number): string[] {
  return proseParagraphs(mdx).flatMap((p) => {
    const words = normalizeWords(p).split(" ");
    return Array.from({ length: Math.max(0, words.length - n + 1) }, (_, i) => words.slice(i, i + n).join(" "));
  });
}

/** A short one-way fingerprint: the text it stands for is not kept. */
export function fingerprint(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
