import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { contentFolders } from "../lib/content/chapterFiles.ts";
import { problemAt, type Problem } from "../lib/problem.ts";

/**
 * Which languages a course has is decided here and nowhere else: a locale is a file of the
 * site's UI strings, `src/translation/ui/<locale>.json`, named by its BCP 47 tag (`ja`,
 * `pt-BR`, `zh-Hant-TW`). Other JSON files beside them (identical.json) are not locales.
 */
export const UI_STRINGS_DIR = "src/translation/ui";

/** A language tag's shape (BCP 47: a language, then script, region and variant subtags), for use inside other patterns. */
export const TAG_PATTERN = "[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*";
const TAG = new RegExp(`^${TAG_PATTERN}$`);

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

/** A tag's canonical form (`pt-br` → `pt-BR`, `zh-hant-tw` → `zh-Hant-TW`), or null when it is not a valid BCP 47 tag. */
export function canonicalTag(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Locale names spelled other than in their canonical form: a strings file
 * (`pt-br.json`) or a content folder (`content/pt-br`, or `content/PT-BR` beside `pt-BR.json`).
 * The canonical tag is the one name a locale has everywhere (folder, route, `lang`, hreflang,
 * search index), so any other spelling is refused, with the name to use.
 */
export function localeSpellingProblems(root: string): Problem[] {
  const problems: Problem[] = [];
  const known = locales(root);
  for (const locale of known) {
    const canonical = canonicalTag(locale);
    if (canonical === null) problems.push(problemAt(uiStringsFile(locale), `"${locale}" is not a valid BCP 47 language tag`));
    else if (canonical !== locale)
      problems.push(
        problemAt(
          uiStringsFile(locale),
          `name it ${canonical}.json, the canonical form of the language tag (and its content folder content/${canonical})`,
        ),
      );
  }
  for (const name of contentFolders(root)) {
    if (known.includes(name)) continue;
    const match = matchLocale(name, known) ?? (canonicalTag(name) !== null ? known.find((l) => l === canonicalTag(name)) : undefined);
    if (match)
      problems.push(
        problemAt(`content/${name}`, `the locale is spelled ${match} (${uiStringsFile(match)}): rename the folder content/${match}`),
      );
  }
  return problems;
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
 * The course's locale a tag names, in the course's own spelling; undefined when it has none (or
 * when the tag could name two of them). Tags are compared as BCP 47 says, case-insensitively
 * (`pt-br`, `PT-BR` and `pt-BR` are one language), and gettext's spelling is read too: `_` for
 * `-`, a codeset or modifier dropped (`zh_TW.UTF-8`). A tag that is not the course's spelling
 * names the locale it stands for in full (CLDR's likely subtags: `zh-TW` and `zh_Hant_TW` are
 * `zh-Hant-TW`); a bare language (`pt`) names no regional locale (`pt-BR`): which one is meant
 * is the reader's choice, not the tool's.
 */
export function matchLocale(tag: string, known: readonly string[]): string | undefined {
  const wanted = tag
    .trim()
    .replace(/[.@].*$/, "")
    .replace(/_/g, "-")
    .toLowerCase();
  const exact = known.find((l) => l.toLowerCase() === wanted);
  if (exact !== undefined) return exact;
  const full = wanted.includes("-") ? likelyTag(wanted) : null;
  if (full === null) return undefined;
  const same = known.filter((l) => likelyTag(l) === full);
  return same.length === 1 ? same[0] : undefined;
}

/** A tag with its likely script and region filled in (`zh-TW` → `zh-Hant-TW`), or null when it is not a tag. */
function likelyTag(tag: string): string | null {
  try {
    return new Intl.Locale(tag).maximize().toString();
  } catch {
    return null;
  }
}
