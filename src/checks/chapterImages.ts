import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync } from "node:fs";
import { dirname, join, posix, relative, sep } from "node:path";
import { CONTENT_LIMITS } from "../lib/content/limits.ts";
import { chapterImagePath } from "../lib/content/imagePath.ts";
import { readImage } from "../lib/content/imageFile.ts";
import { printable } from "../lib/text/printable.ts";
import type { Root } from "mdast";
import { chapterImageNodes } from "../lib/content/mdxPolicy.ts";
import { problemAt, ProblemError } from "../lib/problem.ts";

/** An image a chapter shows, found: where it is relative to the project root, and the pixels decoding it costs. */
export type ImageResolution = { file: string; pixels: number } | { problem: string };

const within = (folder: string, path: string) => path === folder || path.startsWith(folder + sep);

/**
 * The bytes of a file inside `folder` (relative `path`), refusing anything that is not a
 * regular file reached without a symbolic link, or that is larger than `maxBytes`; null when
 * there is no such file. Reads at most `maxBytes + 1` bytes whatever the file claims.
 */
export function readInside(folder: string, path: string, maxBytes: number): Uint8Array | null | { problem: string } {
  let at = folder;
  for (const part of path.split("/")) {
    at = join(at, part);
    let stat;
    try {
      stat = lstatSync(at);
    } catch {
      return null;
    }
    if (stat.isSymbolicLink()) return { problem: "is a symbolic link; only plain files may be published" };
  }
  let real: string;
  try {
    real = realpathSync(at);
  } catch {
    return null;
  }
  if (!within(realpathSync(folder), real)) return { problem: "is outside the chapter's folder" };
  const fd = openSync(real, "r");
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: "is not a plain file" };
    if (stat.size > maxBytes) return { problem: `is ${(stat.size / 1024 / 1024).toFixed(1)} MB, more than ${maxBytes / 1024 / 1024} MB` };
    const bytes = new Uint8Array(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (let n; length < bytes.length && (n = readSync(fd, bytes, length, bytes.length - length, null)) > 0;) length += n;
    if (length > maxBytes) return { problem: `is more than ${maxBytes / 1024 / 1024} MB` };
    return bytes.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Finds the file an image reference of a chapter file names (`content/<locale>/<chapter>/index.mdx`
 * relative to `root`): in the chapter's own folder, or, for a translation, in its source
 * chapter's folder (a translator need not copy a figure that has no words). The reference, the
 * path and the bytes are checked: a plain relative file name with an image extension, no link,
 * no query, within the size limits and really the image it says it is (an SVG without script).
 * Nothing read from a refused file is ever put into the message.
 */
export function resolveChapterImage(
  root: string,
  chapterFile: string,
  url: string,
  sourceFile: string | null,
  pending: Readonly<Record<string, Uint8Array>> = {},
): ImageResolution {
  const shown = printable(url, 60);
  const named = chapterImagePath(url);
  if ("problem" in named) return named;
  // A file about to be written beside the chapter (an import's images) is checked as it will be.
  const waiting = Object.hasOwn(pending, named.path) ? pending[named.path] : undefined;
  if (waiting) {
    const image = readImage(posix.extname(named.path).slice(1), waiting);
    return "problem" in image
      ? { problem: `image "${shown}" ${image.problem}` }
      : { file: posix.join(dirname(chapterFile).split(sep).join("/"), named.path), pixels: image.pixels };
  }
  const folders = [dirname(chapterFile), ...(sourceFile && sourceFile !== chapterFile ? [dirname(sourceFile)] : [])];
  for (const folder of folders) {
    const read = readInside(join(root, folder), named.path, CONTENT_LIMITS.imageBytes);
    if (read === null) continue;
    if ("problem" in read) return { problem: `image "${shown}" ${read.problem}` };
    const image = readImage(posix.extname(named.path).slice(1), read);
    if ("problem" in image) return { problem: `image "${shown}" ${image.problem}` };
    return { file: posix.join(folder.split(sep).join("/"), named.path), pixels: image.pixels };
  }
  return {
    problem: `image "${shown}" is not in ${folders.map((f) => `${f.split(sep).join("/")}/`).join(" or ")} (images are files beside the chapter)`,
  };
}

/** The path to write in a chapter file's image reference so the compiler imports `file` (both relative to the root). */
export function importPath(chapterFile: string, file: string): string {
  const rel = relative(dirname(chapterFile), file).split(sep).join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/**
 * Points every image of a chapter's tree at the file it names, checked (the chapter's own
 * folder, or its source's for a translation): the compiler then imports exactly the files the
 * content check passed, whatever was written. Throws on the first image that is refused.
 */
export function pointImages(tree: Root, root: string, chapterFile: string, sourceFile: string | null, compiledAs = chapterFile): void {
  for (const { node, line } of chapterImageNodes(tree)) {
    const found = resolveChapterImage(root, chapterFile, node.url, sourceFile);
    if ("problem" in found) throw new ProblemError(problemAt(chapterFile, found.problem, { line }));
    node.url = importPath(compiledAs, found.file);
  }
}
