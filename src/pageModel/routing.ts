import { settings } from "./course.ts";

/** A path inside the site, prefixed with the model's base (BASE_PATH), e.g. /course/ja/. */
export function sitePath(path: string): string {
  return settings.base + path.replace(/^\//, "");
}

/** The URL of a chapter in a locale: /ja/w1d1/tutorial1/. */
export function chapterPath(locale: string, slug: string): string {
  return sitePath(`${locale}/${slug}/`);
}

/** The locale's chapter list: /ja/. */
export function localeHome(locale: string): string {
  return sitePath(`${locale}/`);
}
