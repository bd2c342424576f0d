import { COURSE_STRING_KEYS, COURSE_STRINGS_DIR, courseStringsFile } from "../../course/courseTranslations.ts";
import { parseStringTable } from "../model/stringTable.ts";
import type { ContentTree } from "../status/contentTree.ts";
import type { ReadUnit, UnitProblem } from "./apply.ts";
import type { ExchangeFile } from "./exchange.ts";
import { readTextUnits, textUnit } from "./textUnits.ts";
import { formatProblem } from "../../lib/problem.ts";

/**
 * The course's identity in the exchange (with `--strings`): its title, tagline and licence line,
 * one unit each (`src/translation/course#@title`), the source's text from the course file and
 * the locale's from it or from `src/translation/course/<locale>.json`, where an import writes.
 */
export function courseExchangeFile(tree: ContentTree, locale: string): ExchangeFile {
  const units = COURSE_STRING_KEYS.flatMap((key, i) => {
    const source = tree.identity[key][tree.sourceLocale];
    return source === undefined
      ? []
      : [textUnit({ key, section: "course", kind: "string", line: i + 1, source, target: tree.identity[key][locale] ?? null })];
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
  if ("problems" in parsed) throw new Error(parsed.problems.map(formatProblem).join("\n"));
  const table: Record<string, string> = { ...parsed.table };
  const current = new Map(courseExchangeFile(tree, locale).units.map((u) => [u.id, u]));
  const { values, skipped, refused } = readTextUnits(units, current, force);
  for (const [id, value] of values) table[id.slice(1)] = value;
  const imported = [...values.keys()];
  const ordered: Record<string, string> = {};
  for (const key of COURSE_STRING_KEYS) if (table[key] !== undefined) ordered[key] = table[key];
  return { file, text: imported.length ? `${JSON.stringify(ordered, null, 2)}\n` : null, imported, skipped, refused };
}
