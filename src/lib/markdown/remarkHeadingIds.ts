import type { Heading, Root } from "mdast";
import { visit } from "unist-util-visit";

/** A heading's stable id at the end of its text (the escapes already removed by the parser): ` {#id}`. */
export const ID_SUFFIX = /\s*\{#([A-Za-z][\w-]*)\}\s*$/;

/**
 * Gives a heading the stable id written after it, `## Title \{#section-1\}` (braces escaped for
 * MDX), so every locale shares the id whatever the heading's words. Astro's heading-id step
 * keeps an id that is already set, and the table of contents and translators' tools read it.
 */
export default function remarkHeadingIds() {
  return (tree: Root): void => {
    visit(tree, "heading", (node: Heading) => {
      const last = node.children[node.children.length - 1];
      if (last?.type !== "text") return;
      const match = ID_SUFFIX.exec(last.value);
      if (!match) return;
      last.value = last.value.slice(0, match.index);
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id: match[1]! } };
    });
  };
}
