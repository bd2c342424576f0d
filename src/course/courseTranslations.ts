import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readContributedText } from "../checks/chapterFile.ts";
import { CONTENT_LIMITS } from "../lib/content/limits.ts";
import { CourseConfigError, type CourseConfig } from "../lib/courseConfig.ts";
import { localeOfFile } from "../translation/locales.ts";
import { parseStringTable } from "../translation/model/stringTable.ts";
import { formatProblem, problemAt, type Problem } from "../lib/problem.ts";

/**
 * The course's identity in other languages, kept where translators (and their tools, through
 * `i18n:export --strings`) write: `src/translation/course/<locale>.json`, holding any of `title`,
 * `tagline` and `licence` (the licence line of the footer). What a file says wins over the course
 * file's text for that locale; the course file stays the source's.
 */
export const COURSE_STRINGS_DIR = "src/translation/course";

/** The fields a course translation file may hold, and where each lives in the course file. */
export const COURSE_STRING_KEYS = ["title", "tagline", "licence"] as const;
export type CourseStringKey = (typeof COURSE_STRING_KEYS)[number];

export const courseStringsFile = (locale: string): string => `${COURSE_STRINGS_DIR}/${locale}.json`;

/** Every locale's course translation, read as contributed files; a bad one is a CourseConfigError naming it. */
export function readCourseTranslations(root: string): Map<string, Partial<Record<CourseStringKey, string>>> {
  const found = new Map<string, Partial<Record<CourseStringKey, string>>>();
  const dir = join(root, COURSE_STRINGS_DIR);
  if (!existsSync(dir)) return found;
  const problems: Problem[] = [];
  for (const name of readdirSync(dir).sort()) {
    const locale = localeOfFile(name);
    if (locale === null) continue;
    const file = courseStringsFile(locale);
    const read = readContributedText(root, file, CONTENT_LIMITS.stringsBytes);
    if ("problem" in read) {
      problems.push(read.problem);
      continue;
    }
    const parsed = parseStringTable(read.text, file);
    if ("problems" in parsed) {
      problems.push(...parsed.problems);
      continue;
    }
    const stray = Object.keys(parsed.table).filter((k) => !(COURSE_STRING_KEYS as readonly string[]).includes(k));
    if (stray.length) problems.push(problemAt(file, `"${stray[0]}" is not one of ${COURSE_STRING_KEYS.join(", ")}`));
    else found.set(locale, parsed.table);
  }
  if (problems.length) throw new CourseConfigError(problems.map(formatProblem).join("\n"));
  return found;
}

/** A course's localized field with the translations' texts added (theirs win for their locale). */
function withLocales(
  text: CourseConfig["title"],
  sourceLocale: string,
  key: CourseStringKey,
  translations: ReadonlyMap<string, Partial<Record<CourseStringKey, string>>>,
): CourseConfig["title"] {
  const base: Record<string, string> = typeof text === "string" ? { [sourceLocale]: text } : { ...text };
  for (const [locale, fields] of translations) if (fields[key] && locale !== sourceLocale) base[locale] = fields[key];
  return base;
}

/** The course file with its translations (src/translation/course/<locale>.json) merged in. */
export function withCourseTranslations(config: CourseConfig, root: string): CourseConfig {
  const translations = readCourseTranslations(root);
  if (!translations.size) return config;
  const { sourceLocale } = config;
  return {
    ...config,
    title: withLocales(config.title, sourceLocale, "title", translations),
    tagline: withLocales(config.tagline, sourceLocale, "tagline", translations),
    licence: { ...config.licence, text: withLocales(config.licence.text, sourceLocale, "licence", translations) },
  };
}

/** The course's texts of one field, by locale (the source's as a plain string too). */
export function courseField(config: CourseConfig, key: CourseStringKey): Record<string, string> {
  const text = key === "licence" ? config.licence.text : config[key];
  return typeof text === "string" ? { [config.sourceLocale]: text } : { ...text };
}
