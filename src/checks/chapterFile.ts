import { closeSync, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { ChapterIds } from "../lib/content/components.ts";
import { formulaProblems } from "../lib/content/formulaProblems.ts";
import { chapterSchemaFor, type FrontmatterFields } from "../lib/content/frontmatter.ts";
import { CONTENT_LIMITS } from "../lib/content/limits.ts";
import { chapterImages, checkMdxPolicy } from "../lib/content/mdxPolicy.ts";
import { MdxSyntaxError, parseMdx } from "../lib/content/parseMdx.ts";
import { splitFrontmatter } from "../lib/content/splitFrontmatter.ts";
import { printable } from "../lib/text/printable.ts";
import { prototypeKeys, schemaIssues } from "../lib/schemaIssues.ts";
import { resolveChapterImage } from "./chapterImages.ts";
import { megapixels } from "../lib/content/rasterImage.ts";
import { problemAt, type Problem } from "../lib/problem.ts";

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

/** Why a contributed text file was not read: it is not there, or it is refused (the problem says why). */
export interface TextRefusal {
  readonly problem: Problem;
  readonly missing: boolean;
}

/**
 * A contributed text file's content: a plain file (not a link, not a folder) of at most
 * `maxBytes`, in UTF-8. Returns the text, or the one line saying why it is refused (`missing`
 * when there is no such file, which some callers allow).
 */
export function readContributedText(root: string, file: string, maxBytes: number): { text: string } | TextRefusal {
  const path = join(root, file);
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return { problem: problemAt(file, "cannot be read"), missing: true };
  }
  if (stat.isSymbolicLink())
    return { problem: problemAt(file, "is a symbolic link; contributed files must be plain files"), missing: false };
  if (!stat.isFile()) return { problem: problemAt(file, "is not a plain file"), missing: false };
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes)
      return {
        problem: problemAt(file, `${(size / 1024 / 1024).toFixed(1)} MB is more than such a file may hold (${maxBytes / 1024 / 1024} MB)`),
        missing: false,
      };
    const bytes = new Uint8Array(size + 1);
    let length = 0;
    for (let n; length < bytes.length && (n = readSync(fd, bytes, length, bytes.length - length, null)) > 0;) length += n;
    if (length > maxBytes)
      return { problem: problemAt(file, `is more than such a file may hold (${maxBytes / 1024 / 1024} MB)`), missing: false };
    try {
      return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, length)) };
    } catch {
      return { problem: problemAt(file, "is not UTF-8 text"), missing: false };
    }
  } finally {
    closeSync(fd);
  }
}

/** What checking one chapter file's text found: its problems, and the images it shows with the pixels decoding each costs. */
export interface ChapterTextCheck {
  readonly problems: Problem[];
  /** What the build shows otherwise than written and says so (a formula KaTeX cannot draw: its TeX source); an error under STRICT=1. */
  readonly warnings?: Problem[];
  /** Image files (relative to the root) and their pixels (width × height × frames). */
  readonly images: Record<string, number>;
}

/**
 * Checks one chapter file's text: frontmatter, syntax and limits, what a chapter may contain,
 * ids it refers to (with `ids`), maths, and every image it shows (found in its folder, or its
 * source's for a translation, safe to publish, and within the chapter's pixels). Each problem
 * names the file and line.
 */
export function checkChapterText(
  root: string,
  file: string,
  mdx: string,
  ids: ChapterIds | null,
  sourceFile: string | null,
  pending: Readonly<Record<string, Uint8Array>> = {},
  /** The fields the course adds to the frontmatter (course.config.ts `frontmatter`). */
  fields: FrontmatterFields = {},
): ChapterTextCheck {
  const images: Record<string, number> = {};
  const { data, error } = readFrontmatter(mdx);
  if (error) return { problems: [problemAt(file, error, { line: 1 })], images };
  const frontmatter = chapterSchemaFor(fields).safeParse(data);
  const objectNames = prototypeKeys(data).map((path) =>
    problemAt(file, `frontmatter "${printable(path, 60)}": __proto__ is not a name a field may have`, { line: 1 }),
  );
  if (objectNames.length) return { problems: objectNames, images };
  const problems: Problem[] = frontmatter.success
    ? []
    : schemaIssues(frontmatter.error, data).map((i) =>
        problemAt(file, `frontmatter "${printable(i.path || "(root)", 60)}": ${i.message}`, { line: 1 }),
      );
  const withElapsed = ids && frontmatter.success ? { ...ids, elapsed: Object.keys(frontmatter.data.elapsed) } : ids;
  let tree;
  try {
    tree = parseMdx(mdx);
  } catch (err) {
    if (!(err instanceof MdxSyntaxError)) throw err;
    return { problems: [...problems, problemAt(file, `not valid MDX: ${err.reason}`, { line: err.line })], images };
  }
  const policy = checkMdxPolicy(tree, withElapsed);
  for (const p of policy) problems.push(problemAt(file, p.message, { line: p.line }));
  // Maths KaTeX cannot draw is shown as its TeX source (a warning); maths too deep to compile is an error.
  const warnings: Problem[] = [];
  for (const p of formulaProblems(tree)) (p.kind === "render" ? warnings : problems).push(problemAt(file, p.message, { line: p.line }));
  // Images whose address the policy refused are not looked for.
  const refusedLines = new Set(policy.map((p) => p.line));
  let pixels = 0;
  for (const image of chapterImages(tree)) {
    if (refusedLines.has(image.line)) continue;
    const found = resolveChapterImage(root, file, image.url, sourceFile, pending);
    if ("problem" in found) {
      problems.push(problemAt(file, found.problem, { line: image.line }));
      continue;
    }
    if (Object.hasOwn(images, found.file)) continue;
    images[found.file] = found.pixels;
    const before = pixels;
    pixels += found.pixels;
    if (before <= CONTENT_LIMITS.chapterImagePixels && pixels > CONTENT_LIMITS.chapterImagePixels)
      problems.push(
        problemAt(
          file,
          `image "${printable(image.url, 60)}" brings the chapter's images to ${megapixels(pixels)} pixels to decode; a chapter may have ${megapixels(CONTENT_LIMITS.chapterImagePixels)} (make them smaller, or fewer)`,
          { line: image.line },
        ),
      );
  }
  return { problems, images, ...(warnings.length ? { warnings } : {}) };
}

/**
 * Why the images of a whole course cost too much to decode, or null: each image file counted
 * once (a translation shows its source's), against the course's limit.
 */
export function courseImagesProblem(images: Readonly<Record<string, number>>): Problem | null {
  const total = Object.values(images).reduce((sum, n) => sum + n, 0);
  if (total <= CONTENT_LIMITS.courseImagePixels) return null;
  const largest = Object.entries(images)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([f, n]) => `${f} (${megapixels(n)})`);
  return problemAt(
    "content",
    `the course's images add up to ${megapixels(total)} pixels to decode; a course may have ${megapixels(CONTENT_LIMITS.courseImagePixels)} (largest: ${largest.join(", ")})`,
  );
}

/**
 * Builds a chapter text's syntax tree, in bounded time (what admission times): a text that does
 * not parse is refused with its file, line and what to write instead, before any tool reads it.
 */
export function parseOnly(mdx: string, file = "(a chapter)"): Problem[] {
  try {
    parseMdx(mdx);
  } catch (err) {
    if (!(err instanceof MdxSyntaxError)) throw err;
    return [problemAt(file, `not valid MDX: ${err.reason}`, { line: err.line })];
  }
  return [];
}
