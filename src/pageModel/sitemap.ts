import type { SitemapOptions } from "@astrojs/sitemap";
import type { PageCourseModel } from "../course/courseModel.ts";
import { hasOwnVersion } from "../translation/page/translation.ts";

/**
 * What the sitemap (@astrojs/sitemap) lists and how it links languages: the site's root (the
 * language chooser, `x-default`), each language's home, and each chapter in the languages that
 * have their own version of it (a fallback page's canonical is the source's, so it is left out).
 * Each page names its other languages' versions (hreflang).
 */
export function sitemapOptions(model: PageCourseModel): NonNullable<SitemapOptions> {
  const { base } = model.settings;
  const { locales } = model;
  return {
    i18n: { defaultLocale: "x-default", locales: Object.fromEntries(["x-default", ...locales].map((l): [string, string] => [l, l])) },
    filter: (page) => {
      const parts = new URL(page).pathname.slice(base.length).split("/").filter(Boolean);
      if (parts.length === 0) return true;
      const [locale, ...slug] = parts;
      if (!locales.includes(locale!)) return false;
      if (slug.length === 0) return true;
      if (slug[0] === "translation-status" || slug[0] === "offline") return false;
      return hasOwnVersion({ root: model.root, sourceLocale: model.settings.sourceLocale }, locale!, slug.join("/"));
    },
  };
}
