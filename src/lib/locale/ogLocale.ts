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
