import type { Element, ElementContent, Root, Text } from "hast";
import { termHintId } from "../../lib/content/pageIds.ts";
import { chapterOfFilePath } from "../../lib/content/chapterFiles.ts";
import { findForms, formsOf, type GlossaryTerm, type TermMatch } from "../model/glossary.ts";

export interface GlossaryOptions {
  /** A chapter's glossary now: the course's terms and the chapter's own (read again by the dev server when a file changes). */
  readonly glossary: (chapter: string | null) => readonly GlossaryTerm[];
  readonly sourceLocale: string;
  readonly locales: readonly string[];
  /** The languages a source-language page names each term in (course.config.ts `glossaryHints`); none by default. */
  readonly onSourcePages?: readonly string[];
  /** What a page's language writes before and after an aside (its `punct.aside` string): " (" and ")", "（" and "）". */
  readonly aside: (locale: string) => readonly [string, string];
}

// Text inside these is never marked: code, math, links, headings, the term markers themselves.
const SKIP = new Set([
  "code",
  "pre",
  "a",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "script",
  "style",
  "svg",
  "math",
  "button",
  "summary",
  "span",
]);

/** The locale and chapter of a chapter file's path (content/<locale>/<chapter>/index.mdx). */
function placeOf(path: string | undefined): { locale: string; chapter: string } | null {
  const found = path === undefined ? null : chapterOfFilePath(path);
  return found && { locale: found.locale, chapter: found.slug };
}

/**
 * The locales a term's hint names on a page: on a translation, the source's term (what the
 * course's videos, code and other material say); on a source page, the languages the course
 * asks for (none by default). A third language's terms never change another's pages.
 */
export function hintLocales(
  locale: string,
  sourceLocale: string,
  locales: readonly string[],
  onSourcePages: readonly string[] = [],
): string[] {
  if (locale !== sourceLocale) return [sourceLocale];
  return onSourcePages.filter((l, i, all) => l !== locale && locales.includes(l) && all.indexOf(l) === i);
}

/**
 * Marks the first use of each glossary term on a page: `<span class="term">` holding the term
 * and, right after it in small type, its hint: the term's name in the other languages, each
 * with its `lang`, in the page language's parentheses. The hint is ordinary text, so every reader
 * gets it (a phone without hover, the keyboard without a Tab stop per term, a screen reader
 * once, in reading order); it is kept out of search. The page's own words are unchanged.
 */
export default function rehypeGlossary({ glossary, sourceLocale, locales, onSourcePages, aside }: GlossaryOptions) {
  return (tree: Root, file: { path?: string }): void => {
    const place = placeOf(file.path);
    if (!place) return;
    const { locale } = place;
    const terms = glossary(place.chapter);
    const others = hintLocales(locale, sourceLocale, locales, onSourcePages);
    if (!others.length) return;
    const parens = aside(locale);
    // Every rendering of every term competes (the longest wins, on word edges); only terms with
    // a name in another language get a hint, once a page.
    const candidates = formsOf(terms, locale);
    const pending = new Set(terms.filter((t) => t.names[locale] && others.some((l) => t.names[l])).map((t) => t.id));
    const visit = (node: Root | Element): void => {
      const children: ElementContent[] = [];
      for (const child of node.children as ElementContent[]) {
        if (child.type === "element") {
          const className = [child.properties.className ?? []].flat().join(" ");
          if (!SKIP.has(child.tagName) && !className.includes("katex")) visit(child);
          children.push(child);
        } else if (child.type === "text") {
          children.push(...mark(child, findForms(child.value, candidates, locale), pending, others, parens));
        } else children.push(child);
      }
      (node as Element).children = children;
    };
    visit(tree);
  };
}

function hint(term: GlossaryTerm, others: readonly string[], [open, close]: readonly [string, string]): Element {
  const names = others.filter((l) => term.names[l]);
  const children: ElementContent[] = [{ type: "text", value: open }];
  names.forEach((l, i) => {
    if (i > 0) children.push({ type: "text", value: " · " });
    children.push({ type: "element", tagName: "span", properties: { lang: l }, children: [{ type: "text", value: term.names[l]! }] });
  });
  children.push({ type: "text", value: close });
  return {
    type: "element",
    tagName: "span",
    properties: { className: ["term-hint"], id: termHintId(term.id), dataPagefindIgnore: "all" },
    children,
  };
}

/** A text node with the first use on the page of each pending term wrapped, its hint after it. */
function mark(
  text: Text,
  matches: readonly TermMatch[],
  pending: Set<string>,
  others: readonly string[],
  aside: readonly [string, string],
): ElementContent[] {
  const out: ElementContent[] = [];
  let at = 0;
  for (const m of matches) {
    if (!pending.has(m.term.id)) continue;
    pending.delete(m.term.id);
    if (m.index > at) out.push({ type: "text", value: text.value.slice(at, m.index) });
    out.push({
      type: "element",
      tagName: "span",
      properties: { className: ["term"], dataTerm: m.term.id },
      children: [{ type: "text", value: text.value.slice(m.index, m.index + m.length) }, hint(m.term, others, aside)],
    });
    at = m.index + m.length;
  }
  if (at === 0) return [text];
  if (at < text.value.length) out.push({ type: "text", value: text.value.slice(at) });
  return out;
}
