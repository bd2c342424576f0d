import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { mathFromMarkdown } from "mdast-util-math";
import { mdxFromMarkdown } from "mdast-util-mdx";
import { math } from "micromark-extension-math";
import { mdxjs } from "micromark-extension-mdxjs";

/** An MDX file that does not parse: the line and column the parser stopped at, and why. */
export class MdxSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** The frontmatter block blanked out (its newlines kept), so the body's line numbers stay the file's. */
export function blankFrontmatter(mdx: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/.exec(mdx);
  return m ? m[0].replace(/[^\n]/g, "") + mdx.slice(m[0].length) : mdx;
}

/**
 * Parses a chapter into its syntax tree exactly as MDX sees it (JSX elements, expressions,
 * import/export, maths), with positions in the file. Nothing is compiled or evaluated.
 */
export function parseMdx(mdx: string): Root {
  try {
    return fromMarkdown(blankFrontmatter(mdx), {
      extensions: [mdxjs(), math()],
      mdastExtensions: [mdxFromMarkdown(), mathFromMarkdown()],
    });
  } catch (err) {
    const e = err as { line?: number; column?: number; reason?: string; message: string };
    throw new MdxSyntaxError(e.line ?? 1, e.column ?? 1, (e.reason ?? e.message).replace(/\s+/g, " ").slice(0, 200));
  }
}
