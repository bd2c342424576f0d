/** Site-wide settings an operator changes when hosting the course. */
export const SITE = {
  /** Canonical origin, used for sitemap and social links; override with SITE_URL. */
  url: process.env.SITE_URL ?? "https://course.example.org",
  /** Where readers report a problem with a section (issues of this repository). */
  repository: process.env.SITE_REPOSITORY ?? "https://github.com/example/explorable-course",
  /** Locale of the source chapters; every other locale is a translation of it. */
  sourceLocale: "en",
  /**
   * The order readers are offered languages in (the first is preferred at the root). The
   * locales themselves are the files src/i18n/<locale>.json; one not listed here comes last.
   */
  localeOrder: ["ja", "en"],
} as const;

/** Sorts locales into the site's order of preference. */
export function orderLocales(locales: readonly string[]): string[] {
  const rank = (l: string) => {
    const i = (SITE.localeOrder as readonly string[]).indexOf(l);
    return i < 0 ? SITE.localeOrder.length : i;
  };
  return [...locales].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
