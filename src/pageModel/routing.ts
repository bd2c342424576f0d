/** A path inside the site, prefixed with the configured base (BASE_PATH), e.g. /course/ja/. */
export function sitePath(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
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

/** BCP 47 tags for `hreflang` and Open Graph (`ja_JP`). */
export function ogLocale(locale: string): string {
  return { ja: "ja_JP", en: "en_US" }[locale] ?? locale;
}
