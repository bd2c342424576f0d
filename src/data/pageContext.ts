import type { ChapterFrontmatter } from "../content.config.ts";
import { translator, type Translate } from "../i18n/index.ts";
import type { ChapterData } from "./chapterData.ts";

/** What the components of a chapter page share while it renders (set on Astro.locals). */
export interface PageContext {
  /** The language of the chapter's content (the source locale on a fallback page). */
  readonly locale: string;
  readonly t: Translate;
  /** The language of the page around it: its UI, notices and navigation. */
  readonly pageLocale: string;
  readonly pageT: Translate;
  readonly chapter: ChapterData;
  readonly frontmatter: ChapterFrontmatter;
  /** Sections whose source changed since they were translated. */
  readonly stale: ReadonlySet<string>;
  /** The same chapter in the source locale, for links from stale notices. */
  readonly sourceHref: string;
}

/** Builds the context for one chapter page. */
export function makePageContext(options: Omit<PageContext, "t" | "pageT">): PageContext {
  return { ...options, t: translator(options.locale), pageT: translator(options.pageLocale) };
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
