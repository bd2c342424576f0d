import type { Element, ElementContent, Root, Text } from "hast";
import { termPattern, type GlossaryTerm } from "../i18n/glossary.ts";

export interface GlossaryOptions {
  readonly glossary: readonly GlossaryTerm[];
  readonly sourceLocale: string;
  readonly locales: readonly string[];
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

/**
 * Marks the first use of each glossary term on a page: `<span class="term" tabindex="0"
 * data-other="...">`, whose other-language name the reader sees on hover or focus (CSS) and
 * assistive technology gets as a description. The page's text itself is unchanged.
 */
export default function rehypeGlossary({ glossary, sourceLocale, locales }: GlossaryOptions) {
  return (tree: Root, file: { path?: string }): void => {
    const locale = localeOf(file.path);
    if (!locale) return;
    const other = locale === sourceLocale ? (locales.find((l) => l !== sourceLocale) ?? sourceLocale) : sourceLocale;
    const pending = glossary
      .filter((t) => t.names[locale] && t.names[other])
      .map((t) => ({ term: t, pattern: new RegExp(termPattern(t.names[locale]!).source, termPattern(t.names[locale]!).flags) }));
    const visit = (node: Root | Element): void => {
      const children: ElementContent[] = [];
      for (const child of node.children as ElementContent[]) {
        if (child.type === "element") {
          const className = ((child.properties.className as string[] | undefined) ?? []).join(" ");
          if (!SKIP.has(child.tagName) && !className.includes("katex")) visit(child);
          children.push(child);
        } else if (child.type === "text") {
          children.push(...mark(child, pending, other));
        } else children.push(child);
      }
      (node as Element).children = children;
    };
    visit(tree);
  };
}

function mark(text: Text, pending: { term: GlossaryTerm; pattern: RegExp }[], other: string): ElementContent[] {
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
    properties: {
      className: ["term"],
      tabIndex: 0,
      dataOther: term.names[other],
      "aria-description": term.names[other],
      dataTerm: term.id,
    },
    children: [{ type: "text", value: text.value.slice(index, index + length) }],
  };
  return [...(before.value ? [before] : []), span, ...mark(after, pending, other)];
}
