import { splitSections } from "../model/sections.ts";
import { readFrontmatter } from "../../checks/chapterFile.ts";
import type { SectionStatus } from "../model/status.ts";
import type { ContentTree } from "./contentTree.ts";
import { statusRows } from "./statusRows.ts";

/** A section of a translation that is not current, with where readers see it. */
export interface StatusSection {
  readonly id: string;
  /** The source's heading text. */
  readonly heading: string;
  readonly status: Exclude<SectionStatus, "current">;
  /** The section on the locale's page (path with the site's base). */
  readonly href: string;
  /** When the source section got its current text (ISO date); null when unknown or uncommitted. */
  readonly sourceChanged: string | null;
}

export interface LocaleStatus {
  readonly locale: string;
  readonly href: string;
  readonly total: number;
  readonly counts: Readonly<Record<SectionStatus, number>>;
  /** The share of the source's sections that are current, 0..1 (three decimals). */
  readonly share: number;
  readonly sections: readonly StatusSection[];
}

export interface ChapterStatus {
  readonly chapter: string;
  readonly title: string;
  readonly sourceHref: string;
  readonly locales: readonly LocaleStatus[];
}

/** What /translation-status/ shows and dist/translation-status.json holds. */
export interface TranslationStatusReport {
  readonly sourceLocale: string;
  readonly chapters: readonly ChapterStatus[];
}

function titleOf(mdx: string): string {
  const { data } = readFrontmatter(mdx);
  const title = typeof data === "object" && data !== null ? (data as { title?: unknown }).title : undefined;
  return typeof title === "string" ? title : "";
}

/**
 * Every chapter's translation status in every locale of the site (`locales`, the source
 * excluded), section by section, from the content files and the source's git history.
 * `chapterHref(locale, chapter)` gives a page's path.
 */
export function translationStatus(
  tree: ContentTree,
  locales: readonly string[],
  chapterHref: (locale: string, chapter: string) => string,
): TranslationStatusReport {
  const rows = statusRows(tree);
  const chapters = tree.chapters().map((chapter): ChapterStatus => {
    const source = tree.read(tree.file(tree.sourceLocale, chapter))!;
    const sections = splitSections(source).sections;
    const headingOf = (id: string) => sections.find((s) => s.id === id)?.heading ?? id;
    return {
      chapter,
      title: titleOf(source),
      sourceHref: chapterHref(tree.sourceLocale, chapter),
      locales: locales
        .filter((l) => l !== tree.sourceLocale)
        .map((locale): LocaleStatus => {
          const mine = rows.filter((r) => r.chapter === chapter && r.locale === locale);
          const counts = { current: 0, stale: 0, partial: 0, untranslated: 0, missing: 0, extra: 0 };
          for (const r of mine) counts[r.status]++;
          const href = chapterHref(locale, chapter);
          const total = sections.length;
          return {
            locale,
            href,
            total,
            counts,
            share: total ? Math.round((counts.current / total) * 1000) / 1000 : 1,
            sections: mine
              .filter((r) => r.status !== "current")
              .map((r) => ({
                id: r.section,
                heading: headingOf(r.section),
                status: r.status as StatusSection["status"],
                href: `${href}#${r.section}`,
                // When the source changed under a translation: said of stale sections only (an untranslated one has no translation to be older than).
                sourceChanged: r.status === "stale" && r.sourceHash ? tree.sectionChangedAt(chapter, r.section, r.sourceHash) : null,
              })),
          };
        }),
    };
  });
  return { sourceLocale: tree.sourceLocale, chapters };
}
