import { closeSync, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { ChapterIds } from "../lib/content/components.ts";
import { formulaProblems } from "../lib/content/formulaProblems.ts";
import { chapterSchema } from "../lib/content/frontmatter.ts";
import { CONTENT_LIMITS } from "../lib/content/limits.ts";
import { chapterImages, checkMdxPolicy } from "../lib/content/mdxPolicy.ts";
import { MdxSyntaxError, parseMdx } from "../lib/content/parseMdx.ts";
import { splitFrontmatter } from "../lib/content/splitFrontmatter.ts";
import { printable } from "../lib/text/printable.ts";
import { resolveChapterImage } from "./chapterImages.ts";

/** The frontmatter of an MDX file as data, or what is wrong with it (cut where the compiler cuts it). */
export function readFrontmatter(mdx: string): { data: unknown; error: string | null } {
  const { yaml, problem } = splitFrontmatter(mdx);
  if (problem) return { data: null, error: problem };
  if (yaml === null) return { data: null, error: "no frontmatter (--- title: ... ---) at the top" };
  try {
    return { data: parseYaml(yaml, { maxAliasCount: 0, uniqueKeys: true }) as unknown, error: null };
  } catch (err) {
    return { data: null, error: `frontmatter is not valid YAML: ${printable((err as Error).message.split("\n")[0]!, 160)}` };
  }
}

/**
 * A contributed text file's content: a plain file (not a link, not a folder) of at most
 * `maxBytes`, in UTF-8. Returns the text, or the one line saying why it is refused.
 */
export function readContributedText(root: string, file: string, maxBytes: number): { text: string } | { problem: string } {
  const path = join(root, file);
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return { problem: `${file}: cannot be read` };
  }
  if (stat.isSymbolicLink()) return { problem: `${file}: is a symbolic link; contributed files must be plain files` };
  if (!stat.isFile()) return { problem: `${file}: is not a plain file` };
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes)
      return { problem: `${file}: ${(size / 1024 / 1024).toFixed(1)} MB is more than such a file may hold (${maxBytes / 1024 / 1024} MB)` };
    const bytes = new Uint8Array(size + 1);
    let length = 0;
    for (let n; length < bytes.length && (n = readSync(fd, bytes, length, bytes.length - length, null)) > 0;) length += n;
    if (length > maxBytes) return { problem: `${file}: is more than such a file may hold (${maxBytes / 1024 / 1024} MB)` };
    try {
      return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, length)) };
    } catch {
      return { problem: `${file}: is not UTF-8 text` };
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Problems of one chapter file's text, as "file:line: problem" lines: frontmatter, syntax and
 * limits, what a chapter may contain, ids it refers to (with `ids`), and every image it shows
 * (found in its folder, or its source's for a translation, and safe to publish).
 */
export function chapterTextProblems(
  root: string,
  file: string,
  mdx: string,
  ids: ChapterIds | null,
  sourceFile: string | null,
  pending: Readonly<Record<string, Uint8Array>> = {},
): string[] {
  const { data, error } = readFrontmatter(mdx);
  if (error) return [`${file}:1: ${error}`];
  const frontmatter = chapterSchema.safeParse(data);
  const problems: string[] = frontmatter.success
    ? []
    : frontmatter.error.issues.map((i) => `${file}:1: frontmatter "${printable(i.path.join(".") || "(root)", 60)}": ${i.message}`);
  const withElapsed = ids && frontmatter.success ? { ...ids, elapsed: Object.keys(frontmatter.data.elapsed) } : ids;
  let tree;
  try {
    tree = parseMdx(mdx);
  } catch (err) {
    if (!(err instanceof MdxSyntaxError)) throw err;
    return [...problems, `${file}:${err.line}: not valid MDX: ${err.reason}`];
  }
  const policy = checkMdxPolicy(tree, withElapsed);
  for (const p of policy) problems.push(`${file}:${p.line}: ${p.message}`);
  // Maths the build could not render (KaTeX, as the build runs it) is a content error with its line.
  for (const p of formulaProblems(tree)) problems.push(`${file}:${p.line}: ${p.message}`);
  // Images whose address the policy refused are not looked for.
  const refusedLines = new Set(policy.map((p) => p.line));
  for (const image of chapterImages(tree)) {
    if (refusedLines.has(image.line)) continue;
    const found = resolveChapterImage(root, file, image.url, sourceFile, pending);
    if ("problem" in found) problems.push(`${file}:${image.line}: ${found.problem}`);
  }
  return problems;
}

/**
 * The whole check of one chapter file on disk (run in a bounded thread by the build and the
 * translators' tools): read as a contributed file (size, plain file, UTF-8), then its text.
 */
export function chapterFileProblems(root: string, file: string, ids: ChapterIds | null, sourceFile: string | null): string[] {
  const read = readContributedText(root, file, CONTENT_LIMITS.chapterBytes);
  if ("problem" in read) return [read.problem];
  return chapterTextProblems(root, file, read.text, ids, sourceFile);
}

/** Builds a chapter text's syntax tree (a syntax error is a finding of the checks, not a failure here): what admission times. */
export function parseOnly(mdx: string): string[] {
  try {
    parseMdx(mdx);
  } catch (err) {
    if (!(err instanceof MdxSyntaxError)) throw err;
  }
  return [];
}
