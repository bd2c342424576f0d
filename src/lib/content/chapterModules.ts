/**
 * Where a course's chapter code is: chapters/<slug>/chapter.ts (the chapter's module) and
 * chapters/<slug>/<cell-id>.cell.ts (an interactive cell's browser code) beside it. This module
 * is the one place that knows the shape (pure: the browser's loader uses it too; the files on
 * disk are listed by chapterModuleFiles.ts); the build's discovery, the dev loop and the
 * browser's loader name chapter code through it.
 */
export const CHAPTERS_DIR = "chapters";
export const CHAPTER_MODULE = "chapter.ts";
export const CELL_SUFFIX = ".cell.ts";

/** chapters/<slug>/chapter.ts, relative to the root. */
export const chapterModulePath = (slug: string): string => `${CHAPTERS_DIR}/${slug}/${CHAPTER_MODULE}`;

/** chapters/<slug>/<cell>.cell.ts, relative to the root. */
export const cellModulePath = (slug: string, cell: string): string => `${CHAPTERS_DIR}/${slug}/${cell}${CELL_SUFFIX}`;

/** The slug of a chapter module's path (relative to the root, `/`-separated); null for any other file. */
export function slugOfChapterModule(path: string): string | null {
  const prefix = `${CHAPTERS_DIR}/`;
  const suffix = `/${CHAPTER_MODULE}`;
  return path.startsWith(prefix) && path.endsWith(suffix) && path.length > prefix.length + suffix.length
    ? path.slice(prefix.length, -suffix.length)
    : null;
}

/** The chapter and cell id of a cell module's path (relative to the root); null for any other file. */
export function cellOfModule(path: string): { slug: string; cell: string } | null {
  if (!path.startsWith(`${CHAPTERS_DIR}/`) || !path.endsWith(CELL_SUFFIX)) return null;
  const at = path.lastIndexOf("/");
  const slug = path.slice(CHAPTERS_DIR.length + 1, at);
  const cell = path.slice(at + 1, -CELL_SUFFIX.length);
  return slug && cell ? { slug, cell } : null;
}
