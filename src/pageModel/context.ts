import type { ChapterFrontmatter } from "../lib/content/frontmatter.ts";
import type { ChapterLocale, ChapterStore } from "../course/chapterStore.ts";
import type { Translate } from "../translation/strings/uiStrings.ts";
import { translator } from "./course.ts";
import type { PageTranslation } from "../translation/page/translation.ts";

/** A chapter's computed content in the language its text is in (the source on a fallback page). */
export interface PageChapter extends ChapterLocale {
  readonly slug: string;
  readonly outputs: ChapterStore["outputs"];
  readonly fixedOutputs: ChapterStore["fixedOutputs"];
}

/** What the components of a chapter page share while it renders (set on Astro.locals). */
export interface PageContext {
  /** The language of the chapter's content (the source locale on a fallback page). */
  readonly locale: string;
  readonly t: Translate;
  /** The language of the page around it: its UI, notices and navigation. */
  readonly pageLocale: string;
  readonly pageT: Translate;
  /** What the build computed for the chapter; null for a chapter without cells or data. */
  readonly chapter: PageChapter | null;
  readonly slug: string;
  readonly frontmatter: ChapterFrontmatter;
  /** The source's frontmatter: a field a translation left equal to it is in the source language. */
  readonly sourceFrontmatter: ChapterFrontmatter;
  readonly sourceLocale: string;
  /** Each section's state against the source: stale ones and those shown from the source get notices. */
  readonly translation: PageTranslation;
  /** The same chapter in the source locale, for links from stale notices. */
  readonly sourceHref: string;
}

/** Builds the context for one chapter page. */
export function makePageContext(options: Omit<PageContext, "t" | "pageT" | "chapter"> & { store: ChapterStore | null }): PageContext {
  const { store, ...rest } = options;
  const chapter = store
    ? { slug: store.slug, outputs: store.outputs, fixedOutputs: store.fixedOutputs, ...store.locales[options.locale]! }
    : null;
  return { ...rest, chapter, t: translator(options.locale), pageT: translator(options.pageLocale) };
}

/** The current page's context; a component used outside a chapter page gets a clear error. */
export function pageContext(locals: App.Locals, component: string): PageContext {
  if (!locals.page) throw new Error(`<${component}> can only be used inside a chapter (content/<locale>/<chapter>/index.mdx)`);
  return locals.page;
}

/** The page's computed chapter; a component that needs it on a chapter without a module gets a clear error. */
export function pageChapter(page: PageContext, component: string): PageChapter {
  if (!page.chapter) throw new Error(`<${component}> needs the chapter's module, chapters/${page.slug}/chapter.ts`);
  return page.chapter;
}

/** The page's context when there is one (components also used outside chapters). */
export function pageContextOrNull(locals: App.Locals): PageContext | null {
  return locals.page ?? null;
}
