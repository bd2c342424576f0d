import { createTwoFilesPatch } from "diff";
import { compareChapter, type SectionReport } from "../model/status.ts";
import { splitSections } from "../model/sections.ts";
import { paragraphChanges, paragraphs } from "../model/paragraphs.ts";
import type { ContentTree } from "./contentTree.ts";
import { segmentsOf } from "../exchange/segments.ts";

/** One row of `i18n:status`: a section of a chapter in a locale, and what a translator must do. */
export interface StatusRow extends SectionReport {
  readonly chapter: string;
  readonly locale: string;
  /** The file to edit and, for a missing section, the source to translate from. */
  readonly file: string;
  readonly sourceFile: string;
  /** For a stale section: the source's change since the translation, or null when git cannot tell. */
  readonly diff?: string | null;
  /** For a partial section: how many units the source section has. */
  readonly unitCount?: number;
  /** For a stale section: each changed source block, word by word, and the translation's line for it. */
  readonly changes?: { sourceLine: number; line: number; words: string }[];
}

/** Every section of every chapter in every translated locale (or the one asked for). */
export function statusRows(tree: ContentTree, only?: string): StatusRow[] {
  const rows: StatusRow[] = [];
  const locales = tree.locales().filter((l) => l !== tree.sourceLocale && (!only || l === only));
  for (const chapter of tree.chapters()) {
    const sourceFile = tree.file(tree.sourceLocale, chapter);
    const source = tree.read(sourceFile)!;
    // Units per source section, counted once a chapter (only a partial section's row needs them).
    let unitCounts: Map<string, number> | undefined;
    const unitCount = (section: string) => {
      unitCounts ??= segmentsOf(source).reduce((m, s) => m.set(s.section, (m.get(s.section) ?? 0) + 1), new Map<string, number>());
      return unitCounts.get(section) ?? 0;
    };
    for (const locale of locales) {
      const file = tree.file(locale, chapter);
      const translation = tree.read(file);
      const reports = compareChapter(source, translation, tree.provenance(locale, chapter));
      for (const r of reports) {
        const row: StatusRow = {
          chapter,
          locale,
          file,
          sourceFile,
          ...r,
          ...(r.status === "partial" ? { unitCount: unitCount(r.section) } : {}),
        };
        if (r.status !== "stale") {
          rows.push(row);
          continue;
        }
        const old = r.recordedHash ? tree.sourceSectionAt(chapter, r.section, r.recordedHash) : null;
        if (old === null) {
          rows.push({ ...row, diff: null });
          continue;
        }
        const now = splitSections(source).sections.find((s) => s.id === r.section)!;
        const mine = splitSections(translation ?? "").sections.find((s) => s.id === r.section);
        const blocks = mine ? paragraphs(mine.text, mine.line) : [];
        const changes = paragraphChanges(old, now.text, now.line).map((c) => ({
          sourceLine: c.sourceLine,
          line: blocks[Math.min(c.index, blocks.length - 1)]?.line ?? r.line ?? 1,
          words: c.words,
        }));
        rows.push({ ...row, diff: sourceDiff(tree.file(tree.sourceLocale, chapter), r.section, r.recordedHash!, old, now.text), changes });
      }
    }
  }
  return rows;
}

function sourceDiff(path: string, section: string, recorded: string, old: string, now: string): string {
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
