import { compareChapter, type SectionStatus } from "../model/status.ts";
import { chapterUnits } from "./xliff/units.ts";
import type { XliffFile } from "./xliff/xliff.ts";
import type { ContentTree } from "../status/contentTree.ts";

/** Each source section's state in a locale's translation of a chapter. */
export function sectionStates(tree: ContentTree, locale: string, chapter: string): Map<string, SectionStatus> {
  const source = tree.read(tree.file(tree.sourceLocale, chapter))!;
  return new Map(
    compareChapter(source, tree.read(tree.file(locale, chapter)), tree.provenance(locale, chapter)).map((r) => [r.section, r.status]),
  );
}

/** The units of a locale's chapters (all, or one), as XLIFF files: what `i18n:export` writes. */
export function exportFiles(tree: ContentTree, locale: string, chapters: readonly string[]): XliffFile[] {
  return chapters.map((chapter) => ({
    original: tree.file(locale, chapter),
    units: chapterUnits(
      tree.read(tree.file(tree.sourceLocale, chapter))!,
      tree.read(tree.file(locale, chapter)),
      sectionStates(tree, locale, chapter),
    ),
  }));
}
