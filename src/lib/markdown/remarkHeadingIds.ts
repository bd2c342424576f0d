import type { Heading, Root, Text } from "mdast";
import { visit } from "unist-util-visit";

const ID_SUFFIX = /\s*\{#([A-Za-z][\w-]*)\}\s*$/;

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
      const match = ID_SUFFIX.exec((last as Text).value);
      if (!match) return;
      (last as Text).value = (last as Text).value.slice(0, match.index);
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id: match[1]! } };
    });
  };
}
