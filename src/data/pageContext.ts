import type { ChapterFrontmatter } from "../content.config.ts";
import { translator, type Translate } from "../i18n/index.ts";
import type { ChapterData } from "./chapterData.ts";

/** What the components of a chapter page share while it renders (set on Astro.locals). */
export interface PageContext {
  readonly locale: string;
  readonly t: Translate;
  readonly chapter: ChapterData;
  readonly frontmatter: ChapterFrontmatter;
}

/** Builds the context for one chapter page. */
export function makePageContext(locale: string, chapter: ChapterData, frontmatter: ChapterFrontmatter): PageContext {
  return { locale, t: translator(locale), chapter, frontmatter };
}

/** The current page's context; a component used outside a chapter page gets a clear error. */
export function pageContext(locals: App.Locals, component: string): PageContext {
  if (!locals.page) throw new Error(`<${component}> can only be used inside a chapter (content/<locale>/<chapter>/index.mdx)`);
  return locals.page;
}

/** The page's context when there is one (components also used outside chapters). */
export function pageContextOrNull(locals: App.Locals): PageContext | null {
  return locals.page ?? null;
}
