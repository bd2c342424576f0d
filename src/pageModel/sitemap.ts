import type { SitemapOptions } from "@astrojs/sitemap";
import { hasOwnVersion } from "../translation/page/translation.ts";
import { baseFolder } from "../lib/settings.ts";

/**
 * What the sitemap (@astrojs/sitemap) lists and how it links languages: the site's root (the
 * language chooser, `x-default`), each language's home, and each chapter in the languages that
 * have their own version of it (a fallback page's canonical is the source's, so it is left out).
 * Each page names its other languages' versions (hreflang).
 */
export function sitemapOptions(base: string, locales: readonly string[]): NonNullable<SitemapOptions> {
  const prefix = baseFolder(base);
  return {
    i18n: { defaultLocale: "x-default", locales: Object.fromEntries(["x-default", ...locales].map((l): [string, string] => [l, l])) },
    filter: (page) => {
      const parts = new URL(page).pathname.slice(prefix.length).split("/").filter(Boolean);
      if (parts.length === 0) return true;
      const [locale, ...slug] = parts;
      if (!locales.includes(locale!)) return false;
      if (slug.length === 0) return true;
      if (slug[0] === "translation-status" || slug[0] === "offline") return false;
      return hasOwnVersion(locale!, slug.join("/"));
    },
  };
}
