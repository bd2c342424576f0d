import courseFile from "../course.config.ts";
import { courseText, parseCourse, type CourseConfig } from "./lib/courseConfig.ts";
import { siteSettings, type SiteSettings } from "./lib/settings.ts";
import { withCourseTranslations } from "./course/courseTranslations.ts";

export { normalizeBase, SettingsError, siteSettings, type SiteSettings } from "./lib/settings.ts";

let checked: CourseConfig | undefined;

/**
 * The course file (course.config.ts), checked on first use (not when this module is imported),
 * with its translations (src/translation/course/<locale>.json) merged in, then the same for the
 * whole run.
 */
export function course(): CourseConfig {
  return (checked ??= withCourseTranslations(declaredCourse(), process.cwd()));
}

let declared: CourseConfig | undefined;

/** The course file as written, checked, without the translations' files (another project's may be laid over it). */
export function declaredCourse(): CourseConfig {
  return (declared ??= parseCourse(courseFile));
}

let settings: SiteSettings | undefined;

/**
 * This build's settings: the environment's and the course file's locales, read and checked on
 * first use (not when this module is imported), then the same for the whole run.
 */
export function site(): SiteSettings {
  return (settings ??= siteSettings(process.env, course()));
}

/** Sorts locales into the site's order of preference. */
export function orderLocales(locales: readonly string[]): string[] {
  const rank = (l: string) => {
    const i = site().localeOrder.indexOf(l);
    return i < 0 ? site().localeOrder.length : i;
  };
  return [...locales].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The course file's texts in a locale, each with the language it is really in. */
export function courseTexts(locale: string) {
  const { sourceLocale, title, tagline, licence } = course();
  const pick = (text: CourseConfig["title"]) => courseText(text, locale, sourceLocale);
  return { title: pick(title), tagline: pick(tagline), licence: pick(licence.text) };
}

/** The `lang` a piece of course text needs inside a page in `locale`: none when it is the page's. */
export const langIfOther = (text: { readonly lang: string }, locale: string): string | undefined =>
  text.lang === locale ? undefined : text.lang;
