import { existsSync, lstatSync, readdirSync } from "node:fs";
import { join, sep } from "node:path";

/**
 * Where a course's chapters are: content/<locale>/<slug>/index.mdx under the project's root.
 * This module is the one place that knows the shape; every tool (the build, the checks, the
 * translators' commands, the benchmarks) lists chapters and names their files through it.
 */
export const CONTENT_DIR = "content";
export const CHAPTER_FILE_NAME = "index.mdx";
/** The chapter files' pattern under content/, for globbing loaders. */
export const CHAPTER_GLOB = `*/**/${CHAPTER_FILE_NAME}`;

/** A chapter file: its path relative to the root, its locale folder and its slug (the path between). */
export interface ChapterFile {
  readonly file: string;
  readonly locale: string;
  readonly slug: string;
}

/** content/<locale>/<slug>, relative to the root: the chapter's folder (its images, its translation.json). */
export function chapterFolder(locale: string, slug: string): string {
  return `${CONTENT_DIR}/${locale}/${slug}`;
}

/** content/<locale>/<slug>/index.mdx, relative to the root. */
export function chapterFilePath(locale: string, slug: string): string {
  return `${chapterFolder(locale, slug)}/${CHAPTER_FILE_NAME}`;
}

/** The locale and slug of a path under content/ (`<locale>/<slug>/index.mdx`); null for any other file. */
export function chapterOfContentPath(path: string): { locale: string; slug: string } | null {
  const parts = path.split("/");
  if (parts.length < 2 || parts.at(-1) !== CHAPTER_FILE_NAME) return null;
  return { locale: parts[0]!, slug: parts.slice(1, -1).join("/") };
}

const ABSOLUTE = new RegExp(`^(.*)/${CONTENT_DIR}/([^/]+)/(.+)/${CHAPTER_FILE_NAME.replace(".", "\\.")}$`);

/**
 * The project's root, the locale and the slug of a chapter file's full path, as a compiler
 * hands it (`/site/content/ja/w1d1/tutorial1/index.mdx`, either kind of slash); null for any
 * other file.
 */
export function chapterOfFilePath(path: string): { root: string; locale: string; slug: string } | null {
  const m = ABSOLUTE.exec(path.replace(/\\/g, "/"));
  return m ? { root: m[1]!, locale: m[2]!, slug: m[3]! } : null;
}

/** The locale and slug of a path relative to the project's root (`content/<locale>/<slug>/index.mdx`); null for any other file. */
export function chapterOfProjectPath(path: string): { locale: string; slug: string } | null {
  return path.startsWith(`${CONTENT_DIR}/`) ? chapterOfContentPath(path.slice(CONTENT_DIR.length + 1)) : null;
}

/** The chapter entry id a page is found by (`<locale>/<slug>`, as written: never lowercased). */
export function chapterEntryId(path: string): string {
  const chapter = chapterOfContentPath(path);
  return chapter ? `${chapter.locale}/${chapter.slug}` : path;
}

/**
 * Every chapter file of every locale (plain files only: a link or a folder named index.mdx is
 * for the checks to refuse, not a chapter), sorted by path. A file right under a locale's folder
 * has the slug "" (the checks refuse it too).
 */
export function listChapterFiles(root: string): ChapterFile[] {
  const content = join(root, CONTENT_DIR);
  if (!existsSync(content) || !lstatSync(content).isDirectory()) return [];
  return readdirSync(content, { recursive: true, encoding: "utf8" })
    .sort()
    .flatMap((path) => {
      const chapter = chapterOfContentPath(path);
      if (!chapter || !lstatSync(join(content, path)).isFile()) return [];
      return [{ file: `${CONTENT_DIR}/${path}`, ...chapter }];
    });
}

/** The folders right under content/ (a locale's each, by the one rule; the checks name any other), sorted; none without content/. */
export function contentFolders(root: string): string[] {
  const content = join(root, CONTENT_DIR);
  if (!existsSync(content) || !lstatSync(content).isDirectory()) return [];
  return readdirSync(content, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Every path under content/ (relative to it, `/`-separated, sorted), for the checks of names and links; none without content/. */
export function contentEntries(root: string): string[] {
  const content = join(root, CONTENT_DIR);
  if (!existsSync(content) || !lstatSync(content).isDirectory()) return [];
  return readdirSync(content, { recursive: true, encoding: "utf8" })
    .map((p) => p.split(sep).join("/"))
    .sort();
}

/** The course's chapters by slug, each with the locales that have it (sorted), slugs in path order. */
export function chaptersBySlug(files: readonly ChapterFile[]): { slug: string; locales: string[] }[] {
  const bySlug = new Map<string, string[]>();
  for (const f of files) bySlug.set(f.slug, [...(bySlug.get(f.slug) ?? []), f.locale]);
  return [...bySlug]
    .map(([slug, locales]) => ({ slug, locales: locales.sort() }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
