import type { Element, ElementContent, Root, Text } from "hast";
import { termHintId } from "../../lib/content/pageIds.ts";
import { termPattern, type GlossaryTerm } from "../model/glossary.ts";

export interface GlossaryOptions {
  /** The glossary now (read again by the dev server when the file changes). */
  readonly glossary: () => readonly GlossaryTerm[];
  readonly sourceLocale: string;
  readonly locales: readonly string[];
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

function localeOf(path: string | undefined): string | null {
  return /[\\/]content[\\/]([a-z]{2}(?:-[A-Za-z]+)?)[\\/]/.exec(path ?? "")?.[1] ?? null;
}

/** The locales a term's hint names on a page: the source's (on a translation) and, with three or more locales, every other. */
export function hintLocales(locale: string, sourceLocale: string, locales: readonly string[]): string[] {
  const others = [sourceLocale, ...locales].filter((l, i, all) => l !== locale && all.indexOf(l) === i);
  return locales.length >= 3 ? others : others.slice(0, 1);
}

/**
 * Marks the first use of each glossary term on a page: `<span class="term">` holding the term
 * and, right after it in small type, its hint: the term's name in the other languages, each
 * with its `lang`, in the page language's parentheses. The hint is ordinary text, so every reader
 * gets it (a phone without hover, the keyboard without a Tab stop per term, a screen reader
 * once, in reading order); it is kept out of search. The page's own words are unchanged.
 */
export default function rehypeGlossary({ glossary, sourceLocale, locales, aside }: GlossaryOptions) {
  return (tree: Root, file: { path?: string }): void => {
    const locale = localeOf(file.path);
    if (!locale) return;
    const others = hintLocales(locale, sourceLocale, locales);
    const parens = aside(locale);
    const pending = glossary()
      .filter((t) => t.names[locale] && others.some((l) => t.names[l]))
      .map((t) => ({ term: t, pattern: termPattern(t.names[locale]!) }));
    const visit = (node: Root | Element): void => {
      const children: ElementContent[] = [];
      for (const child of node.children as ElementContent[]) {
        if (child.type === "element") {
          const className = ((child.properties.className as string[] | undefined) ?? []).join(" ");
          if (!SKIP.has(child.tagName) && !className.includes("katex")) visit(child);
          children.push(child);
        } else if (child.type === "text") {
          children.push(...mark(child, pending, others, parens));
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

function mark(
  text: Text,
  pending: { term: GlossaryTerm; pattern: RegExp }[],
  others: readonly string[],
  aside: readonly [string, string],
): ElementContent[] {
  // The earliest match of any term not yet marked on this page.
  const matches = pending.map(({ pattern }, k) => ({ m: pattern.exec(text.value), k })).filter((x) => x.m !== null);
  if (matches.length === 0) return [text];
  const first = matches.reduce((a, b) => (b.m!.index < a.m!.index ? b : a));
  const { index } = first.m!;
  const { length } = first.m![0];
  const { k } = first;
  const { term } = pending.splice(k, 1)[0]!;
  const before: Text = { type: "text", value: text.value.slice(0, index) };
  const after: Text = { type: "text", value: text.value.slice(index + length) };
  const span: Element = {
    type: "element",
    tagName: "span",
    properties: { className: ["term"], dataTerm: term.id },
    children: [{ type: "text", value: text.value.slice(index, index + length) }, hint(term, others, aside)],
  };
  return [...(before.value ? [before] : []), span, ...mark(after, pending, others, aside)];
}
