import { chaptersBySlug, listChapterFiles } from "../../src/lib/content/chapterFiles.ts";

/** A chapter of the course as the benchmarks pick it: its path and the locales it has a file in. */
export interface ChapterFiles {
  readonly slug: string;
  readonly locales: readonly string[];
}

/** The course's chapters, sorted by path, each with the locales that have it: benchmarks measure whatever course they are run in. */
export function courseChapters(root: string): ChapterFiles[] {
  return chaptersBySlug(listChapterFiles(root));
}
