import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Which languages a course has is decided here and nowhere else: a locale is a file of the
 * site's UI strings, `src/translation/ui/<locale>.json`, named by its BCP 47 tag (`ja`,
 * `pt-BR`, `zh-Hant-TW`). Other JSON files beside them (identical.json) are not locales.
 */
export const UI_STRINGS_DIR = "src/translation/ui";

const TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** The locale a strings file is for (`pt-BR.json` → `pt-BR`), or null when the name is not a language tag. */
export function localeOfFile(name: string): string | null {
  if (!name.endsWith(".json") || name === "identical.json") return null;
  const tag = name.slice(0, -".json".length);
  return TAG.test(tag) ? tag : null;
}

/** Is this file name a locale's strings file (`ja.json`, `pt-BR.json`)? */
export const isLocaleFile = (name: string): boolean => localeOfFile(name) !== null;

/** The site's UI strings file of a locale, relative to the project. */
export const uiStringsFile = (locale: string): string => `${UI_STRINGS_DIR}/${locale}.json`;

/** The course's locales: one per UI strings file, sorted by tag. */
export function locales(root: string): string[] {
  const dir = join(root, UI_STRINGS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((f) => localeOfFile(f) ?? [])
    .sort();
}

/** A language's name in the reader's language (`en` read in `ja`: 英語), from Intl.DisplayNames; the tag when unknown. */
export function languageName(tag: string, inLocale: string): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The course's locale a tag names, compared case-insensitively as BCP 47 says (`pt-br`, `PT-BR`
 * and `pt-BR` are one language), in the course's own spelling; undefined when it has none.
 */
export function matchLocale(tag: string, known: readonly string[]): string | undefined {
  const wanted = tag.trim().toLowerCase();
  return known.find((l) => l.toLowerCase() === wanted);
}
