import { baseFolder } from "../lib/settings.ts";

/** A path inside the site, prefixed with the configured base (BASE_PATH), e.g. /course/ja/. */
export function sitePath(path: string): string {
  const base = baseFolder(import.meta.env.BASE_URL);
  return base + path.replace(/^\//, "");
}

/** The URL of a chapter in a locale: /ja/w1d1/tutorial1/. */
export function chapterPath(locale: string, slug: string): string {
  return sitePath(`${locale}/${slug}/`);
}

/** The locale's chapter list: /ja/. */
export function localeHome(locale: string): string {
  return sitePath(`${locale}/`);
}

/**
 * Open Graph's form of a locale, language_TERRITORY (`ja` → `ja_JP`, `pt-BR` → `pt_BR`,
 * `zh-Hant-TW` → `zh_TW`): the territory the tag names, or the one it most likely means.
 */
export function ogLocale(locale: string): string {
  try {
    const tag = new Intl.Locale(locale);
    const region = tag.region ?? tag.maximize().region;
    return region ? `${tag.language}_${region}` : tag.language;
  } catch {
    return locale;
  }
}
