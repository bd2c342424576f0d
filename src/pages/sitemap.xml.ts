import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { siteLocales } from "../translation/strings/uiStrings.ts";
import { chapterPath, localeHome, sitePath } from "../pageModel/routing.ts";
import { hasOwnVersion } from "../translation/page/translation.ts";
import { site } from "../site.ts";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * Every page with its language versions (xhtml:link hreflang). A locale's fallback page for an
 * untranslated chapter is left out: its canonical page is the source's. A sitemap needs the
 * site's address: without SITE_URL it lists nothing (and says why).
 */
export const GET: APIRoute = async () => {
  if (!site().url)
    return new Response(
      `<?xml version="1.0" encoding="UTF-8"?>\n<!-- Build with SITE_URL set to list the pages. -->\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n`,
      { headers: { "content-type": "application/xml" } },
    );
  const origin = `${site().url}/`;
  const abs = (path: string) => escape(new URL(path, origin).href);
  const entries = await getCollection("chapters");
  const groups: { loc: string; alternates: { locale: string; href: string }[] }[] = [];
  const homes = siteLocales().map((l) => ({ locale: l, href: localeHome(l) }));
  groups.push({ loc: sitePath(""), alternates: homes });
  for (const home of homes) groups.push({ loc: home.href, alternates: homes });
  const slugs = [...new Set(entries.map((e) => e.id.split("/").slice(1).join("/")))];
  for (const slug of slugs) {
    const versions = siteLocales()
      .filter((l) => entries.some((e) => e.id === `${l}/${slug}`) && hasOwnVersion(l, slug))
      .map((l) => ({ locale: l, href: chapterPath(l, slug) }));
    for (const v of versions) groups.push({ loc: v.href, alternates: versions });
  }
  const body = groups
    .map(
      (g) =>
        `  <url>\n    <loc>${abs(g.loc)}</loc>\n${g.alternates.map((a) => `    <xhtml:link rel="alternate" hreflang="${a.locale}" href="${abs(a.href)}"/>`).join("\n")}\n  </url>`,
    )
    .join("\n");
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${body}\n</urlset>\n`,
    { headers: { "content-type": "application/xml" } },
  );
};
