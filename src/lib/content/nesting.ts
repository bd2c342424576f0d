import type { Node, Parent } from "unist";

/**
 * The deepest nesting any line of a text could open, read from its prefix alone: every quote
 * marker and list marker opens a level, and a nested list needs at least two more columns of
 * indentation per level. An upper bound, found in one pass, before anything is parsed: a text
 * within the limit cannot nest deeper than it, so the parser never meets 4,000 levels of `- `.
 * Returns the first line whose bound is over `limit` (or the deepest, when none is) and its bound.
 */
export function nestingBound(text: string, limit = Infinity): { depth: number; line: number } {
  let worst = { depth: 0, line: 1 };
  let line = 1;
  let i = 0;
  while (i <= text.length) {
    let markers = 0;
    let columns = 0;
    // Walk the line's prefix: spaces, tabs, `>`, and list markers followed by a space.
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20) columns++;
      else if (c === 0x09) columns += 4 - (columns % 4);
      else if (c === 0x3e) markers++;
      else if ((c === 0x2d || c === 0x2a || c === 0x2b) && isBlankOrEnd(text.charCodeAt(i + 1))) markers++;
      else if (c >= 0x30 && c <= 0x39) {
        let j = i;
        while (j - i < 10 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
        const after = text.charCodeAt(j);
        if ((after !== 0x2e && after !== 0x29) || !isBlankOrEnd(text.charCodeAt(j + 1))) break;
        markers++;
        i = j;
      } else break;
      i++;
    }
    // A blank line (the blanked frontmatter's, say) opens nothing.
    const blank = markers === 0 && isBlankOrEnd(text.charCodeAt(i));
    const depth = blank ? 0 : markers + Math.floor(columns / 2);
    if (depth > worst.depth) worst = { depth, line };
    if (depth > limit) return worst;
    const next = text.indexOf("\n", i);
    if (next < 0) break;
    i = next + 1;
    line++;
  }
  return worst;
}

const isBlankOrEnd = (c: number) => Number.isNaN(c) || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Node types that nest: a level each. */
const NESTING = new Set([
  "blockquote",
  "list",
  "listItem",
  "emphasis",
  "strong",
  "delete",
  "link",
  "linkReference",
  "footnoteDefinition",
  "table",
  "mdxJsxFlowElement",
  "mdxJsxTextElement",
]);

/**
 * The deepest nesting of a syntax tree (levels of NESTING types on one path) and the node where
 * it is, and the node with the most children (and how many), walked without recursion so no
 * depth of tree can overflow the stack here.
 */
export function treeNesting(tree: Node): { depth: number; node: Node; widest: Node; width: number } {
  let worst = { depth: 0, node: tree };
  let widest = { width: 0, node: tree };
  const stack: [Node, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, above] = stack.pop()!;
    const depth = above + (NESTING.has(node.type) ? 1 : 0);
    if (depth > worst.depth) worst = { depth, node };
    const children = (node as Partial<Parent>).children;
    if (children) {
      if (children.length > widest.width) widest = { width: children.length, node };
      for (const child of children) stack.push([child, depth]);
    }
  }
  return { ...worst, widest: widest.node, width: widest.width };
}
