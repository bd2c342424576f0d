import { createTwoFilesPatch } from "diff";
import { compareChapter, type SectionReport } from "../../src/lib/i18n/status.ts";
import { splitSections } from "../../src/lib/i18n/sections.ts";
import type { ContentTree } from "./content.ts";

/** One row of `i18n:status`: a section of a chapter in a locale, and what a translator must do. */
export interface StatusRow extends SectionReport {
  readonly chapter: string;
  readonly locale: string;
  /** The file to edit and, for a missing section, the source to translate from. */
  readonly file: string;
  readonly sourceFile: string;
  /** For a stale section: the source's change since the translation, or null when git cannot tell. */
  readonly diff?: string | null;
}

/** Every section of every chapter in every translated locale (or the one asked for). */
export function statusRows(tree: ContentTree, only?: string): StatusRow[] {
  const rows: StatusRow[] = [];
  const locales = tree.locales().filter((l) => l !== tree.sourceLocale && (!only || l === only));
  for (const chapter of tree.chapters()) {
    const sourceFile = tree.file(tree.sourceLocale, chapter);
    const source = tree.read(sourceFile)!;
    for (const locale of locales) {
      const file = tree.file(locale, chapter);
      const reports = compareChapter(source, tree.read(file), tree.provenance(locale, chapter));
      for (const r of reports) {
        const row: StatusRow = { chapter, locale, file, sourceFile, ...r };
        if (r.status !== "stale") rows.push(row);
        else rows.push({ ...row, diff: r.recordedHash ? sourceDiff(tree, chapter, r.section, r.recordedHash, source) : null });
      }
    }
  }
  return rows;
}

function sourceDiff(tree: ContentTree, chapter: string, section: string, recorded: string, sourceNow: string): string | null {
  const old = tree.sourceSectionAt(chapter, section, recorded);
  if (old === null) return null;
  const now = splitSections(sourceNow).sections.find((s) => s.id === section)!.text;
  const path = tree.file(tree.sourceLocale, chapter);
  return createTwoFilesPatch(
    `${path} (${section}, as translated)`,
    `${path} (${section}, now)`,
    `${old.trimEnd()}\n`,
    `${now.trimEnd()}\n`,
    recorded,
    "",
    { context: 2 },
  )
    .split("\n")
    .slice(1) // the "===" line
    .join("\n")
    .trimEnd();
}
