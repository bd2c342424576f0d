/** Site-wide settings an operator changes when hosting the course. */
export const SITE = {
  /** Canonical origin, used for sitemap and social links; override with SITE_URL. */
  url: process.env.SITE_URL ?? "https://course.example.org",
  /** Where readers report a problem with a section (issues of this repository). */
  repository: process.env.SITE_REPOSITORY ?? "https://github.com/example/explorable-course",
  /** Locale of the source chapters; other locales are translations of it. */
  sourceLocale: "en",
  /** Locales in the order readers are offered them (the first is preferred). */
  locales: ["ja", "en"],
} as const;

export type Locale = (typeof SITE.locales)[number];

export function isLocale(value: string): value is Locale {
  return (SITE.locales as readonly string[]).includes(value);
}
