import { createProcessor } from "@mdx-js/mdx";
import type { Root } from "mdast";
import { isMainThread } from "node:worker_threads";
import { CONTENT_LIMITS } from "./limits.ts";
import { inlineWork } from "./inlineWork.ts";
import { emphasisWork } from "./emphasisWork.ts";
import { nestingBound, treeNesting } from "./nesting.ts";
import { splitFrontmatter } from "./splitFrontmatter.ts";
import { CHAPTER_SYNTAX } from "./syntax.ts";

/** An MDX file that cannot be read: the line and column where, and why. */
export class MdxSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  readonly reason: string;

  constructor(line: number, column: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

// The compiler's own parser: remark-parse and remark-mdx (what @mdx-js/mdx sets up for `.mdx`)
// with the syntax extensions the site compiles chapters with (GFM, maths).
const processor = createProcessor({ format: "mdx", remarkPlugins: [...CHAPTER_SYNTAX] });

/** The frontmatter block blanked out (replaced by spaces, line breaks kept), as the compiler does. */
export function blankFrontmatter(mdx: string): string {
  return splitFrontmatter(mdx).body;
}

/**
 * Parses a chapter (or a piece of one) into the syntax tree the MDX compiler builds from it:
 * the same frontmatter cut, the same parser and extensions, positions in the file. Nothing is
 * compiled or evaluated. Refuses, as an MdxSyntaxError at a line: frontmatter in a form the
 * compiler reads differently from a person, a text over the size limit, nesting deeper than
 * the limit (bounded before parsing, then measured on the tree), and anything that does not parse.
 * The tree may be shared with other callers that parsed the same text: do not change it.
 */
export function parseMdx(mdx: string): Root {
  const recent = recentTrees();
  // Keyed by what is parsed: the file's text and the compiler's (its frontmatter blanked) share a tree.
  const { body, problem } = splitFrontmatter(mdx);
  const key = problem ? mdx : body;
  let result = recent.get(key);
  if (result) {
    // Most recently used last: the oldest is the first to go.
    recent.delete(key);
    recent.set(key, result);
  } else {
    try {
      result = { tree: parseUncached(mdx) };
    } catch (err) {
      if (!(err instanceof MdxSyntaxError)) throw err;
      result = { line: err.line, column: err.column, reason: err.reason };
    }
    recent.set(key, result);
    let chars = 0;
    for (const text of recent.keys()) chars += text.length;
    for (const text of recent.keys()) {
      if (chars <= RECENT_LIMIT || recent.size <= 1) break;
      recent.delete(text);
      chars -= text.length;
    }
  }
  if ("tree" in result) return result.tree;
  throw new MdxSyntaxError(result.line, result.column, result.reason);
}

/**
 * A chapter's tree as the compiler parses it, to change as it likes: a copy of the shared one
 * (the content check parsed the same text with the same parser a moment before).
 */
export function parseMdxCopy(mdx: string): Root {
  return structuredClone(parseMdx(mdx));
}

/** A text's tree, or where and why it has none (as data: another instance of this module may read it). */
type Parsed = { readonly tree: Root } | { readonly line: number; readonly column: number; readonly reason: string };

// A build reads each chapter several times (the course check, the translation state of the MDX
// compiler and of the page, each in a module instance of its own: Astro loads the pages' code
// apart from the integration's), and the translators' tools read one many times (sections,
// segments, components, checks): the trees of the texts read last are kept, for every instance
// of this module in the process, up to a few chapters' worth of text. A tree returned is
// shared: read it, never change it.
const RECENT_TEXT_CHARS = 8 * 1024 * 1024;
// A bounded checking thread reads each text once and has a heap limit: it keeps the last one or two.
const RECENT_LIMIT = isMainThread ? RECENT_TEXT_CHARS : 2 * CONTENT_LIMITS.chapterBytes;
const RECENT_KEY = Symbol.for("explorable-course.parseMdx.recent");

function recentTrees(): Map<string, Parsed> {
  const holder = globalThis as unknown as Record<symbol, Map<string, Parsed> | undefined>;
  return (holder[RECENT_KEY] ??= new Map<string, Parsed>());
}

function parseUncached(mdx: string): Root {
  const bytes = Buffer.byteLength(mdx);
  if (bytes > CONTENT_LIMITS.chapterBytes)
    throw new MdxSyntaxError(
      1,
      1,
      `${(bytes / 1024 / 1024).toFixed(1)} MB is more than a chapter file may hold (${CONTENT_LIMITS.chapterBytes / 1024 / 1024} MB)`,
    );
  const { body, problem } = splitFrontmatter(mdx);
  if (problem) throw new MdxSyntaxError(1, 1, problem);
  const bound = nestingBound(body, CONTENT_LIMITS.depth);
  if (bound.depth > CONTENT_LIMITS.depth)
    throw new MdxSyntaxError(bound.line, 1, `nests more than ${CONTENT_LIMITS.depth} levels of lists, quotes or indentation`);
  const emphasis = emphasisWork(body, CONTENT_LIMITS.emphasisWork);
  if (emphasis.work > CONTENT_LIMITS.emphasisWork)
    throw new MdxSyntaxError(
      emphasis.depth > CONTENT_LIMITS.depth ? emphasis.depthLine : emphasis.line,
      1,
      emphasis.depth > CONTENT_LIMITS.depth
        ? `nests more than ${CONTENT_LIMITS.depth} levels of emphasis (* and _ markers)`
        : `holds more emphasis markers (* and _) left open or nested in one paragraph than can be read in time (escape a literal one as \\* or \\_, or split the paragraph)`,
    );
  const { work, line, brackets, depth, tildes } = inlineWork(body, CONTENT_LIMITS.inlineWork);
  if (depth.count > CONTENT_LIMITS.depth)
    throw new MdxSyntaxError(
      depth.line,
      1,
      `nests more than ${CONTENT_LIMITS.depth} levels of square brackets ([ and ], links and images)`,
    );
  if (brackets.count > CONTENT_LIMITS.bracketsPerParagraph)
    throw new MdxSyntaxError(
      brackets.line,
      1,
      `holds ${brackets.count} square brackets ([ and ]) in one paragraph, more than ${CONTENT_LIMITS.bracketsPerParagraph} can be read in time (escape a literal one as \\[ or \\], or split the paragraph)`,
    );
  if (tildes.count > CONTENT_LIMITS.tildeRunsPerParagraph)
    throw new MdxSyntaxError(
      tildes.line,
      1,
      `holds ${tildes.count} tildes (~) in one paragraph, more than ${CONTENT_LIMITS.tildeRunsPerParagraph} can be read in time (escape a literal one as \\~, or split the paragraph)`,
    );
  if (work > CONTENT_LIMITS.inlineWork)
    throw new MdxSyntaxError(
      line,
      1,
      "cuts one paragraph into more pieces than can be read in time (at line breaks, escaped characters, character references, code, maths, tags, square brackets or tildes): split it with blank lines",
    );
  let tree: Root;
  try {
    tree = processor.parse(body);
  } catch (err) {
    if (err instanceof RangeError)
      throw new MdxSyntaxError(1, 1, `nests too deeply to read (more than ${CONTENT_LIMITS.depth} levels are not allowed)`);
    const e = err as { line?: number; column?: number; reason?: string; message: string };
    const reason = (e.reason ?? e.message).replace(/\s+/g, " ").slice(0, 200);
    throw new MdxSyntaxError(e.line ?? 1, e.column ?? 1, `${reason}${syntaxAdvice(reason)}`);
  }
  const nesting = treeNesting(tree);
  if (nesting.depth > CONTENT_LIMITS.depth)
    throw new MdxSyntaxError(
      nesting.node.position?.start.line ?? 1,
      1,
      `nests more than ${CONTENT_LIMITS.depth} levels (lists, quotes, emphasis, links, components)`,
    );
  if (nesting.width > CONTENT_LIMITS.children)
    throw new MdxSyntaxError(
      nesting.widest.position?.start.line ?? 1,
      1,
      `one ${nesting.widest.type === "root" ? "chapter" : nesting.widest.type} has ${nesting.width} parts, more than ${CONTENT_LIMITS.children} (split it)`,
    );
  return tree;
}

/**
 * What an author most likely meant, for the parser's messages about MDX's own syntax: a brace or
 * a `<` in prose is read as the start of an expression or a tag (`{y_i}`, `a <5 b`).
 */
function syntaxAdvice(reason: string): string {
  if (/acorn|expression|Unexpected end of file in expression/i.test(reason))
    return " (in MDX a { in text starts an expression: write \\{ and \\} for literal braces, or $…$ for maths)";
  if (/before name|Unexpected character .* \(U\+003C\)|in tag|closing tag|opening tag/i.test(reason))
    return " (in MDX a < in text starts a tag: write \\< for a literal <)";
  return "";
}
