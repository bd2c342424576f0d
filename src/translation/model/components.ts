import { visitParents } from "unist-util-visit-parents";
import { parseMdx } from "../../lib/content/parseMdx.ts";

/** A JSX component used in an MDX section, with its props as written. */
export interface ComponentUse {
  readonly name: string;
  readonly props: Readonly<Record<string, string>>;
  /** 1-based line in the file. */
  readonly line: number;
}

/**
 * Every component (capitalised JSX element) of a piece of MDX, in order, read from its syntax
 * tree: a tag inside code or inline code is text, not a component; a prop written as an
 * expression keeps its source, `{…}`. Unparsable MDX has none (the content check reports it).
 */
export function componentsIn(text: string, firstLine = 1): ComponentUse[] {
  let tree;
  try {
    tree = parseMdx(text);
  } catch {
    return [];
  }
  const uses: ComponentUse[] = [];
  visitParents(tree, (node) => {
    if ((node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") || !node.name || !/^[A-Z]/.test(node.name)) return;
    const props: Record<string, string> = {};
    for (const attr of node.attributes) {
      if (attr.type !== "mdxJsxAttribute") continue;
      const value = attr.value;
      props[attr.name] = value === null || value === undefined ? "true" : typeof value === "string" ? value : `{${value.value}}`;
    }
    uses.push({ name: node.name, props, line: firstLine + (node.position?.start.line ?? 1) - 1 });
  });
  return uses;
}

/** A component use as one comparable string: name and props sorted. */
export function componentKey(use: ComponentUse, ignore: readonly string[] = []): string {
  const props = Object.entries(use.props)
    .filter(([k]) => !ignore.includes(k))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `<${use.name}${props.length ? ` ${props.join(" ")}` : ""}>`;
}
