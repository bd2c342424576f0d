import type { Root, RootContent } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import { ID_SUFFIX } from "../../lib/markdown/remarkHeadingIds.ts";
import { INTRO, splitSections } from "./sections.ts";

/** The element a section shown from the source is wrapped in (a component of the chapter page). */
export const SOURCE_SECTION = "SourceSection";

/** A heading's stable id, `## Title \{#id\}`, read from its last text (before the id step strips it). */
function headingId(node: RootContent): string | null {
  if (node.type !== "heading") return null;
  const last = node.children.at(-1);
  return last?.type === "text" ? (ID_SUFFIX.exec(last.value)?.[1] ?? null) : null;
}

/** A chapter's top-level nodes grouped by section (a heading with an id starts one), in order. */
export function sectionsOf(tree: Root): { id: string; nodes: RootContent[] }[] {
  const sections = [{ id: INTRO, nodes: [] as RootContent[] }];
  for (const node of tree.children) {
    const id = headingId(node);
    if (id) sections.push({ id, nodes: [node] });
    else sections.at(-1)!.nodes.push(node);
  }
  return sections.filter((s) => s.id !== INTRO || s.nodes.some((n) => n.type !== "mdxjsEsm"));
}

/**
 * A translation's syntax tree with the sections it has not translated taken from the source's,
 * each wrapped in a `<SourceSection section="id">` (the page marks it with the source's
 * language and keeps it out of the locale's search). The order is the source's; a section only
 * the translation has stays after the one it follows.
 */
export function mergeSections(translation: Root, source: Root, fromSource: ReadonlySet<string>): Root {
  const own = sectionsOf(translation);
  const ownById = new Map(own.map((s) => [s.id, s]));
  const wrap = (id: string, nodes: RootContent[]): MdxJsxFlowElement => ({
    type: "mdxJsxFlowElement",
    name: SOURCE_SECTION,
    attributes: [{ type: "mdxJsxAttribute", name: "section", value: id }],
    children: nodes as MdxJsxFlowElement["children"],
  });
  const sourceIds = new Set<string>();
  const children: RootContent[] = [];
  const placed = new Set<string>();
  const placeExtrasAfter = (id: string) => {
    const at = own.findIndex((s) => s.id === id);
    for (let i = at + 1; i < own.length && !sourceIds.has(own[i]!.id); i++) {
      if (placed.has(own[i]!.id)) continue;
      children.push(...own[i]!.nodes);
      placed.add(own[i]!.id);
    }
  };
  const sourceSections = sectionsOf(source);
  for (const s of sourceSections) sourceIds.add(s.id);
  for (const s of sourceSections) {
    const mine = ownById.get(s.id);
    if (mine && !fromSource.has(s.id)) children.push(...mine.nodes);
    else children.push(wrap(s.id, s.nodes));
    placed.add(s.id);
    if (mine) placeExtrasAfter(s.id);
  }
  for (const s of own) if (!placed.has(s.id)) children.push(...s.nodes);
  return { ...translation, children };
}

/**
 * The same merge on text: a translation's chapter with the sections it has not translated
 * taken from the source's text (in the source's order; the translation's frontmatter).
 */
export function mergeSectionTexts(translation: string, source: string, fromSource: ReadonlySet<string>): string {
  const lines = (text: string) => text.split("\n");
  const body = (text: string, s: { line: number; lastLine: number }) =>
    lines(text)
      .slice(s.line - 1, s.lastLine)
      .join("\n")
      .replace(/\n+$/, "");
  const own = splitSections(translation).sections;
  const theirs = splitSections(source).sections;
  const first = own[0]?.line ?? lines(translation).length + 1;
  const head = lines(translation)
    .slice(0, first - 1)
    .join("\n")
    .replace(/\n+$/, "");
  const parts = theirs.map((s) => {
    const mine = own.find((o) => o.id === s.id);
    return mine && !fromSource.has(s.id) ? body(translation, mine) : body(source, s);
  });
  return `${[head, ...parts].join("\n\n")}\n`;
}
