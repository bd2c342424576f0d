import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseProvenance } from "../model/provenance.ts";
import { compareChapter, FROM_SOURCE, type SectionStatus } from "../model/status.ts";
import { chapterFilePath, chapterFolder } from "../../lib/content/chapterFiles.ts";
import { segmentsOf } from "../exchange/segments.ts";
import { aligned, bySection } from "../exchange/units.ts";

/** How a chapter page in one locale stands against its source, section by section. */
export interface PageTranslation {
  /** The locale the chapter is translated from. */
  readonly sourceLocale: string;
  /** Section id -> state (empty for the source locale). */
  readonly states: ReadonlyMap<string, SectionStatus>;
  /** Sections translated from an older source: shown with a notice. */
  readonly stale: ReadonlySet<string>;
  /** Sections shown from the source (untranslated or missing), marked with its language. */
  readonly fromSource: ReadonlySet<string>;
  /** Sections translated in part: section id -> the units (1-based, i18n:export's numbering) still shown from the source. */
  readonly partial: ReadonlyMap<string, readonly number[]>;
  /** No section is translated: the page is a fallback page, canonical to the source. */
  readonly fallback: boolean;
}

/** Where a course's chapters are, and the language they are written in. */
export interface CourseSource {
  readonly root: string;
  readonly sourceLocale: string;
}

/** A page that is its own: the source's, or a translation of a chapter without a source. */
const own = (sourceLocale: string): PageTranslation => ({
  sourceLocale,
  states: new Map(),
  stale: new Set(),
  fromSource: new Set(),
  partial: new Map(),
  fallback: false,
});

/**
 * The state of every section of a chapter in a locale, read from the files: the source, the
 * translation (if any) and its translation.json. The source locale's page is its own.
 */
export function pageTranslation({ root, sourceLocale }: CourseSource, locale: string, slug: string): PageTranslation {
  if (locale === sourceLocale) return own(sourceLocale);
  // Every route of a build asks again (pages, notebooks, lists, the MDX compiler): work it out
  // once per version of the three files.
  const files = [chapterFilePath(sourceLocale, slug), chapterFilePath(locale, slug), `${chapterFolder(locale, slug)}/translation.json`];
  const key = `${root}\n${sourceLocale}\n${locale}\n${slug}\n${files.map((f) => (existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : -1)).join()}`;
  const cached = memo.get(key);
  if (cached) return cached;
  const result = computePageTranslation({ root, sourceLocale }, locale, slug);
  memo.set(key, result);
  return result;
}

const memo = new Map<string, PageTranslation>();

function computePageTranslation({ root, sourceLocale }: CourseSource, locale: string, slug: string): PageTranslation {
  const read = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), "utf8") : null);
  const source = read(chapterFilePath(sourceLocale, slug));
  if (source === null) return own(sourceLocale);
  const translation = read(chapterFilePath(locale, slug));
  const provenanceFile = `${chapterFolder(locale, slug)}/translation.json`;
  const text = read(provenanceFile);
  const provenance = text === null ? null : parseProvenance(text, provenanceFile);
  const reports = compareChapter(source, translation, provenance).filter((r) => r.status !== "extra");
  const states = new Map(reports.map((r) => [r.section, r.status]));
  const ids = (pick: (s: SectionStatus) => boolean) => new Set(reports.filter((r) => pick(r.status)).map((r) => r.section));
  const fromSource = ids((s) => FROM_SOURCE.has(s));
  // A partial section's units not translated yet, by number; one whose structure is not the source's
  // (so units cannot be paired) is shown from the source whole.
  const partial = new Map<string, number[]>();
  const partialReports = reports.filter((r) => r.status === "partial");
  if (partialReports.length && translation !== null) {
    const sourceSegs = bySection(segmentsOf(source));
    const mine = bySection(segmentsOf(translation));
    for (const r of partialReports) {
      const theirs = sourceSegs.get(r.section) ?? [];
      if (!aligned(theirs, mine.get(r.section))) fromSource.add(r.section);
      else
        partial.set(
          r.section,
          theirs.map((_, i) => i + 1).filter((n) => !r.translatedUnits?.includes(n)),
        );
    }
  }
  return {
    sourceLocale,
    states,
    stale: ids((s) => s === "stale"),
    fromSource,
    partial,
    fallback: fromSource.size === reports.length,
  };
}

/**
 * Whether a locale's page of a chapter is its own (the source, or a translation with at least
 * one translated section) rather than a fallback page: the versions offered as alternates.
 */
export function hasOwnVersion(course: CourseSource, locale: string, slug: string): boolean {
  if (locale === course.sourceLocale) return true;
  if (!existsSync(join(course.root, chapterFilePath(locale, slug)))) return false;
  return !pageTranslation(course, locale, slug).fallback;
}
