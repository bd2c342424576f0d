/**
 * A Markdown text with its fenced code blocks (``` or ~~~, to the closing fence or the end) and
 * `$$` maths blocks replaced by `fill` of the same shape (newlines kept, so lines stay where
 * they are). One pass over the lines: an unclosed fence costs no more than a closed one (the
 * regular expressions this replaces rescanned the rest of the text from every fence).
 */
export function blankBlocks(text: string, fill: (s: string) => string): string {
  const lines = text.split("\n");
  let fence: string | null = null;
  let maths = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trimStart();
    if (fence !== null) {
      if (trimmed.startsWith(fence) && trimmed.slice(fence.length).trim() === "") fence = null;
      lines[i] = fill(line);
    } else if (maths) {
      if (line.includes("$$")) maths = false;
      lines[i] = fill(line);
    } else if (/^(```|~~~)/.test(trimmed)) {
      fence = trimmed.slice(0, 3);
      lines[i] = fill(line);
    } else if (trimmed.startsWith("$$") && !trimmed.slice(2).includes("$$")) {
      maths = true;
      lines[i] = fill(line);
    }
  }
  return lines.join("\n");
}

/** A tag (`<span lang="en">`, `</Cell>`) within a line or a few: bounded, so text full of `<` stays linear. */
export const TAG = /<\/?[A-Za-z][^<>]{0,2000}>/g;
