import { getCollection, type CollectionEntry } from "astro:content";
import { courseSource, settings, siteLocales } from "./course.ts";
import { hasOwnVersion } from "../translation/page/translation.ts";
import { chapterFilePath } from "../lib/content/chapterFiles.ts";

/** One chapter page: its locale and slug, the MDX entry it shows, and the locales that have their own version. */
export interface ChapterPage {
  readonly params: { readonly locale: string; readonly slug: string };
  readonly props: {
    readonly entry: CollectionEntry<"chapters">;
    /** No section translated: the page shows the source (canonical to it). */
    readonly fallback: boolean;
    /** Locales whose page is their own: the source, or a translation with a translated section. */
    readonly versions: readonly string[];
    /** The chapter's source entry (its frontmatter tells which fields a translation left as they were). */
    readonly source: CollectionEntry<"chapters">;
  };
}

/** Every chapter in every site locale (the routes of a chapter page and of its notebook). */
export async function chapterPages(): Promise<ChapterPage[]> {
  const bySlug = new Map<string, Map<string, CollectionEntry<"chapters">>>();
  for (const entry of await getCollection("chapters")) {
    const [locale, ...rest] = entry.id.split("/");
    const slug = rest.join("/");
    if (!bySlug.has(slug)) bySlug.set(slug, new Map());
    bySlug.get(slug)!.set(locale!, entry);
  }
  return [...bySlug].flatMap(([slug, versions]) => {
    const { sourceLocale } = settings;
    const source = versions.get(sourceLocale);
    if (!source) throw new Error(`${chapterFilePath(sourceLocale, slug)} is missing: every chapter needs its source`);
    const own = siteLocales().filter((l) => versions.has(l) && hasOwnVersion(courseSource, l, slug));
    return siteLocales().map((locale): ChapterPage => {
      const fallback = !own.includes(locale);
      return { params: { locale, slug }, props: { entry: fallback ? source : versions.get(locale)!, fallback, versions: own, source } };
    });
  });
}
