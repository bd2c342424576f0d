import { createShikiHighlighter, type ShikiHighlighter } from "@astrojs/markdown-remark/shiki";
import type { ElementContent, Root, RootContent } from "hast";

/** Themes of the code blocks (light by default, dark with the page's dark scheme). */
export const CODE_THEMES = { light: "github-light-high-contrast", dark: "github-dark-high-contrast" } as const;

const LANGUAGE = /^language-(\S+)$/;

interface Parent {
  children: (RootContent | ElementContent)[];
}

const textOf = (node: ElementContent): string =>
  node.type === "text" ? node.value : node.type === "element" ? node.children.map(textOf).join("") : "";

// One highlighter, and each distinct block's highlighted tree, for the whole build: the compiler
// may make its processor (and so this plugin) anew for every chapter file, and compiles files
// side by side (so the promise is kept, and a block asked for twice at once is highlighted once).
let highlighter: Promise<ShikiHighlighter> | undefined;
const done = new Map<string, Promise<Root>>();

/**
 * Code blocks highlighted with Shiki as Astro's own highlighter does (a `<pre><code
 * class="language-x">` becomes Shiki's `<pre class="astro-code">`), each distinct block once per
 * build: a translation shows its source's code, so every locale's page of a chapter reuses the
 * same highlighted trees (copied, never shared).
 */
export default function rehypeCodeHighlight(
  options: {
    /** A block's name for assistive technology, in the chapter file's language (`path`): its code, not its first line. */
    readonly label?: (path: string, language: string) => string;
  } = {},
): (tree: Root, file: { path?: string }) => Promise<void> {
  return async (tree, file) => {
    const blocks: { parent: Parent; index: number; code: string; lang: string }[] = [];
    // Every node with children (elements, and the MDX components around code cells).
    const walk = (parent: Parent) => {
      parent.children.forEach((child, index) => {
        if (child.type === "element" && child.tagName === "pre") {
          const only = child.children.length === 1 ? child.children[0] : undefined;
          if (only?.type === "element" && only.tagName === "code") {
            const classes = [only.properties.className ?? []].flat().map(String);
            const lang = classes.map((c) => LANGUAGE.exec(c)?.[1]).find(Boolean) ?? "plaintext";
            if (lang !== "math") blocks.push({ parent, index, code: textOf(only), lang });
            return;
          }
        }
        if ("children" in child) walk(child);
      });
    };
    walk(tree);
    if (!blocks.length) return;
    highlighter ??= createShikiHighlighter({ themes: CODE_THEMES });
    const shiki = await highlighter;
    for (const { parent, index, code, lang } of blocks) {
      const key = `${lang}\n${code}`;
      let highlighting = done.get(key);
      if (!highlighting) {
        highlighting = shiki.codeToHast(code, lang, { defaultColor: "light-dark()" });
        done.set(key, highlighting);
      }
      const highlighted = await highlighting;
      const pre = structuredClone(highlighted.children[0]) as ElementContent;
      // A block that scrolls is a Tab stop: it is named for what it is, not read out by its first line.
      if (pre.type === "element" && options.label)
        Object.assign(pre.properties, { role: "group", ariaLabel: options.label(file.path ?? "", lang) });
      parent.children[index] = pre;
    }
  };
}
