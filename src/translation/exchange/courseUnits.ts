import { COURSE_STRING_KEYS, COURSE_STRINGS_DIR, courseStringsFile } from "../../course/courseTranslations.ts";
import { parseStringTable } from "../model/stringTable.ts";
import type { ContentTree } from "../status/contentTree.ts";
import type { ReadUnit, UnitProblem } from "./apply.ts";
import type { ExchangeFile, ExchangeUnit } from "./exchange.ts";
import { inlineKey, plainText, targetFingerprint, type Inline } from "./inline.ts";

/**
 * The course's identity in the exchange (with `--strings`): its title, tagline and licence line,
 * one unit each (`src/translation/course#@title`), the source's text from the course file and
 * the locale's from it or from `src/translation/course/<locale>.json`, where an import writes.
 */
export function courseExchangeFile(tree: ContentTree, locale: string): ExchangeFile {
  const units = COURSE_STRING_KEYS.flatMap((key, i): ExchangeUnit[] => {
    const source = tree.identity[key][tree.sourceLocale];
    if (source === undefined) return [];
    const have = tree.identity[key][locale];
    const target: Inline[] | null = have === undefined ? null : [{ text: have }];
    return [
      {
        id: `@${key}`,
        section: "course",
        kind: "string",
        status: target ? "current" : "untranslated",
        line: i + 1,
        source: [{ text: source }],
        target,
        codes: new Map(),
        matches: [],
        references: [],
        fingerprint: targetFingerprint(target),
        previousSource: null,
      },
    ];
  });
  return { chapter: COURSE_STRINGS_DIR, original: courseStringsFile(locale), units };
}

/** Whether a file read back is the course's identity (its folder, or a locale's file in it). */
export const isCourseFile = (named: { chapter?: string | undefined; original?: string | undefined }): boolean =>
  named.chapter === COURSE_STRINGS_DIR || (named.original?.startsWith(`${COURSE_STRINGS_DIR}/`) ?? false);

/** The course's identity read back: each target written into the locale's course file (one line of text each). */
export function applyCourseImport(
  tree: ContentTree,
  locale: string,
  units: readonly ReadUnit[],
  force = false,
): { file: string; text: string | null; imported: string[]; skipped: UnitProblem[]; refused: UnitProblem[] } {
  const file = courseStringsFile(locale);
  const existing = tree.read(file);
  const parsed = existing === null ? { table: {} } : parseStringTable(existing, file);
  if ("problems" in parsed) throw new Error(parsed.problems.join("\n"));
  const table: Record<string, string> = { ...parsed.table };
  const current = new Map(courseExchangeFile(tree, locale).units.map((u) => [u.id, u]));
  const imported: string[] = [];
  const skipped: UnitProblem[] = [];
  const refused: UnitProblem[] = [];
  for (const read of units) {
    const unit = current.get(read.id);
    if (!unit || inlineKey(read.source) !== inlineKey(unit.source)) {
      skipped.push({ id: read.id, reason: "the course's text changed since the export: export again" });
      continue;
    }
    if (read.target === null) continue;
    const value = plainText(read.target).trim();
    if (!value) continue;
    if (read.target.some((i) => !("text" in i)) || value.includes("\n")) {
      refused.push({ id: read.id, reason: "the course's title, tagline and licence line are one line of text each" });
      continue;
    }
    const now = unit.target ? plainText(unit.target) : null;
    if (!force && read.fingerprint !== undefined && read.fingerprint !== unit.fingerprint && value !== now) {
      skipped.push({ id: read.id, reason: `it changed in the project since the export (now "${now ?? ""}"): export again, or --force` });
      continue;
    }
    if (value === now) continue;
    table[read.id.slice(1)] = value;
    imported.push(read.id);
  }
  const ordered: Record<string, string> = {};
  for (const key of COURSE_STRING_KEYS) if (table[key] !== undefined) ordered[key] = table[key];
  return { file, text: imported.length ? `${JSON.stringify(ordered, null, 2)}\n` : null, imported, skipped, refused };
}
