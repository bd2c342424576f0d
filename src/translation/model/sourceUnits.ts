import type { Heading, Paragraph, Root } from "mdast";
import { visit } from "unist-util-visit";
import type { Segment } from "../exchange/segments.ts";

/** The paragraph or heading of a tree that holds a segment (the innermost, as in a list or a component). */
function blockAt(tree: Root, segment: Segment): Paragraph | Heading | null {
  let found: Paragraph | Heading | null = null;
  visit(tree, (node) => {
    if (node.type !== segment.kind || !node.position) return;
    const { start, end } = node.position;
    if (start.offset! <= segment.start && segment.end <= end.offset!) found = node as Paragraph | Heading;
  });
  return found;
}

/**
 * A partly translated section on the page: each paragraph and heading not translated yet takes
 * the source's words and is marked with the source's language and kept out of the locale's search
 * (`lang`, `data-pagefind-ignore`), so a reader's screen reader, search and the page's own notice
 * tell it from the translated ones. `mine` and `theirs` are the two files' segments of each
 * section (the same kinds in the same order); `partial` lists, per section, the units (1-based)
 * still the source's. Props stay as the translation file has them.
 */
export function markSourceUnits(
  tree: Root,
  source: Root,
  mine: ReadonlyMap<string, readonly Segment[]>,
  theirs: ReadonlyMap<string, readonly Segment[]>,
  partial: ReadonlyMap<string, readonly number[]>,
  sourceLocale: string,
): void {
  for (const [section, units] of partial) {
    for (const n of units) {
      const own = mine.get(section)?.[n - 1];
      const original = theirs.get(section)?.[n - 1];
      if (!own || !original || (own.kind !== "paragraph" && own.kind !== "heading")) continue;
      const node = blockAt(tree, own);
      const from = blockAt(source, original);
      if (!node || !from) continue;
      node.children = from.children;
      node.data = {
        ...node.data,
        hProperties: { ...node.data?.hProperties, lang: sourceLocale, dataFromSource: section, dataPagefindIgnore: "all" },
      };
    }
  }
}
