import { model, uiStrings as tables } from "virtual:course/model";
import { courseText, type CourseConfig } from "../lib/courseConfig.ts";
import type { UiStrings } from "../translation/strings/schema.ts";
import { translatorFor, type Translate } from "../translation/strings/uiStrings.ts";
import type { CourseSource } from "../translation/page/translation.ts";

/**
 * What the pages know of the course: the model the integration built once and handed to them
 * (`virtual:course/model`, src/integration/integration.ts), and what follows from it.
 */
export { model };

/** The course file, checked, with its translations. */
export const course: CourseConfig = model.course;

/** The build's settings (BASE_PATH, SITE_URL, ...) and the course's locales' order. */
export const settings = model.settings;

/** The site's locales, in the course's order of preference. */
export const siteLocales = (): readonly string[] => model.locales;

/** A locale's UI strings (checked by the integration before any page is rendered). */
export function uiStrings(locale: string): UiStrings {
  const strings = tables[locale];
  if (!strings) throw new Error(`no UI strings for locale "${locale}" (src/translation/ui/${locale}.json)`);
  return strings;
}

/** The `t()` of one locale. */
export const translator = (locale: string): Translate => translatorFor(uiStrings(locale), locale);

/** The course file's texts in a locale, each with the language it is really in. */
export function courseTexts(locale: string) {
  const { sourceLocale, title, tagline, licence } = course;
  const pick = (text: CourseConfig["title"]) => courseText(text, locale, sourceLocale);
  return { title: pick(title), tagline: pick(tagline), licence: pick(licence.text) };
}

/** The `lang` a piece of course text needs inside a page in `locale`: none when it is the page's. */
export const langIfOther = (text: { readonly lang: string }, locale: string): string | undefined =>
  text.lang === locale ? undefined : text.lang;

/** Where the chapters are and the language they are written in (what a page's translation state is read against). */
export const courseSource: CourseSource = { root: model.root, sourceLocale: model.settings.sourceLocale };
