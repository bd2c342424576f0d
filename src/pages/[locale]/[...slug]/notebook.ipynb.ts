import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIRoute, GetStaticPaths } from "astro";
import { getCollection, type CollectionEntry } from "astro:content";
import { chapterStore } from "../../../course/storeReader.ts";
import { siteLocales, translator } from "../../../i18n/index.ts";
import { chapterPath } from "../../../i18n/routing.ts";
import { mergeSectionTexts } from "../../../lib/i18n/mergeSections.ts";
import { chapterNotebook } from "../../../lib/notebook/chapterNotebook.ts";
import { notebookJson } from "../../../lib/notebook/cells.ts";
import { hasOwnVersion, pageTranslation } from "../../../page/translation.ts";
import { SITE } from "../../../site.ts";

/** Every chapter page's notebook: /<locale>/<chapter>/notebook.ipynb, in the page's language. */
export const getStaticPaths = (async () => {
  const entries = await getCollection("chapters");
  const slugs = [...new Set(entries.map((e) => e.id.split("/").slice(1).join("/")))];
  return slugs.flatMap((slug) =>
    siteLocales().map((locale) => {
      const own = entries.find((e) => e.id === `${locale}/${slug}`);
      const source = entries.find((e) => e.id === `${SITE.sourceLocale}/${slug}`)!;
      const fallback = !own || !hasOwnVersion(locale, slug);
      return { params: { locale, slug }, props: { entry: fallback ? source : own, fallback } };
    }),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) => {
  const { locale, slug } = params as { locale: string; slug: string };
  const { entry, fallback } = props as { entry: CollectionEntry<"chapters">; fallback: boolean };
  const contentLocale = fallback ? SITE.sourceLocale : locale;
  const read = (l: string) => readFileSync(join(process.cwd(), "content", l, slug, "index.mdx"), "utf8");
  const translation = pageTranslation(contentLocale, slug);
  const mdx = translation.fromSource.size
    ? mergeSectionTexts(read(contentLocale), read(SITE.sourceLocale), translation.fromSource)
    : read(contentLocale);
  const store = chapterStore(slug);
  const values = store?.locales[contentLocale]?.values ?? {};
  const address = (path: string) => (SITE.url ? new URL(path, `${SITE.url}/`).href : path);
  const data = store?.notebookData;
  const notebook = chapterNotebook({
    mdx,
    frontmatter: entry.data,
    locale: contentLocale,
    t: translator(locale) as (key: string, params?: Record<string, string | number>) => string,
    value: (k) => {
      const v = values[k];
      if (!v) throw new Error(`content/${contentLocale}/${slug}/index.mdx: <Value k="${k}"> has no value`);
      return v.text;
    },
    pageUrl: address(chapterPath(locale, slug)),
    data: data
      ? { match: data.match, standIn: data.standIn ? { load: data.standIn.load, url: address(data.standIn.url) } : null }
      : undefined,
  });
  return new Response(notebookJson(notebook), { headers: { "content-type": "application/x-ipynb+json" } });
};
