import type { Nodes, Root } from "mdast";
import { visit } from "unist-util-visit";
import { fileOffsets } from "../lib/content/offsets.ts";
import { parseMdx } from "../lib/content/parseMdx.ts";
import type { Notebook } from "./cells.ts";
import { attr, writeComponent, type ExportContext } from "./export/components.ts";
import { headerText } from "./export/header.ts";
import { markdownText } from "../lib/text/notebookText.ts";
import { NotebookCells } from "./export/notebookCells.ts";
import { plainEmphasis } from "./export/plainEmphasis.ts";
import { segmentsOf } from "../translation/exchange/segments.ts";
import { bySection } from "../translation/exchange/units.ts";

/** What a chapter page shows besides its MDX: the numbers, the UI strings, the data it was built from. */
export interface NotebookInput {
  /** The chapter's MDX in the page's language (frontmatter included). */
  readonly mdx: string;
  readonly frontmatter: {
    readonly title: string;
    readonly course?: string | undefined;
    readonly byline?: string | undefined;
    readonly thanks?: string | undefined;
    /** A field the course may declare (course.config.ts `frontmatter`): the slides' id. */
    readonly slides?: unknown;
    readonly estimatedMinutes: number;
    readonly elapsed: Readonly<Record<string, number>>;
    readonly credits: Readonly<Record<"creators" | "reviewers" | "editors", readonly string[]>>;
  };
  /** The language of the text. */
  readonly locale: string;
  /** UI strings in that language. */
  readonly t: (key: string, params?: Record<string, string | number>) => string;
  /** A `<Value>`'s text as the page shows it. */
  readonly value: (key: string) => string;
  /** The page's address, named at the top. */
  readonly pageUrl: string;
  /**
   * A translation's sections translated in part: per section, the units (1-based) still the source's,
   * and the source's language. Those paragraphs and headings are marked with it in the notebook,
   * as on the page.
   */
  readonly fromSourceUnits?: { readonly lang: string; readonly units: ReadonlyMap<string, readonly number[]> } | undefined;
  /** The source chapter's video titles by id: a video cell's code keeps the source's (the course's notebooks do). */
  readonly sourceVideoTitles?: Readonly<Record<string, string>> | undefined;
  /** The course's ways of writing media in a notebook: its slides host and its video cell template (course.config.ts). */
  readonly course: { readonly slidesHost: string; readonly videoCell: string };
  /**
   * The code cell that loads the data (it holds `match`) gets, when the page was built from a
   * stand-in, commented lines that load that stand-in instead (`load`, Python).
   */
  readonly data?: { readonly match: string; readonly standIn: { readonly load: string; readonly url: string } | null } | undefined;
  /** What a `<CodeCell output>` prints, as the page prints it; null when the chapter has no such output. */
  readonly output?: ((key: string) => string | null) | undefined;
  /**
   * A `<Cell>`'s figure as the page draws it: its SVG, the whole figure as HTML when it has more
   * (a legend), and its text alternative; null when there is none.
   */
  readonly figure?: ((id: string) => { readonly svg: string; readonly html?: string; readonly alt: string } | null) | undefined;
}

const VALUE = /<Value\s+k="([^"]+)"\s*\/>/g;
const HEADING_ID = /[ \t]*\\\{#([A-Za-z][\w-]*)\\\}[ \t]*$/m;

/**
 * A chapter as a Jupyter notebook (nbformat 4.5) in the page's language: its prose as markdown
 * cells (headings keep their ids as anchors, maths stays `$…$`, `<Value>`s become the numbers
 * the page shows), its code exactly as the page shows it (hidden cells keep their `# @title`
 * line so Colab folds them) with what the page prints and draws as its outputs, videos as the
 * course's video cells, feedback as its cells, and each solution in a folded pair after its
 * exercise (the components: export/components.ts).
 */
export function chapterNotebook(input: NotebookInput): Notebook {
  const { mdx } = input;
  const tree: Root = parseMdx(mdx);
  const offset = fileOffsets(mdx);
  const cells = new NotebookCells();
  const raw = (node: Nodes) => mdx.slice(offset(node.position!.start), offset(node.position!.end));
  // Prose as Jupyter's plain CommonMark reads it (emphasis beside CJK punctuation as inline HTML).
  const prose = (nodes: readonly Nodes[]) => plainEmphasis(mdx, nodes, offset);
  // Where the paragraphs and headings of a partly translated section still in the source's language start.
  const sourceStarts = new Set<number>();
  if (input.fromSourceUnits) {
    const segments = bySection(segmentsOf(mdx, tree));
    for (const [section, units] of input.fromSourceUnits.units)
      for (const n of units) {
        const seg = segments.get(section)?.[n - 1];
        if (seg && (seg.kind === "paragraph" || seg.kind === "heading")) sourceStarts.add(seg.start);
      }
  }
  /** A block's prose, in a <div lang> of the source's language when it is one of those. */
  const block = (node: Nodes) => {
    const text = ctx.prose(prose([node]));
    const from = offset(node.position!.start);
    const to = offset(node.position!.end);
    const fromSource = [...sourceStarts].some((s) => s >= from && s < to);
    return fromSource ? `<div lang="${input.fromSourceUnits!.lang}">\n\n${text}\n\n</div>` : text;
  };
  const ctx: ExportContext = {
    input,
    cells,
    // The MDX's own escapes (\\<, \\{) are CommonMark's too: kept, so what the page shows as text stays text.
    prose: (text) =>
      text
        .replace(VALUE, (_, k: string) => `<span data-value="${k.replace(/[^\w.-]/g, "")}">${markdownText(input.value(k))}</span>`)
        .replace(HEADING_ID, (_, hid: string) => ` <a name="${hid}"></a>`),
    inner: (node) => prose(node.children),
    visit: (nodes, inSolution) => {
      for (const node of nodes) {
        if (node.type === "heading") {
          cells.flush();
          cells.prose(block(node));
        } else if (node.type === "code" && node.lang && !/^(python|py|ipython3?)$/.test(node.lang)) {
          cells.prose(raw(node)); // not Python (a drawing, a shell line): shown, not run
        } else if (node.type === "code") {
          cells.code(node.value, inSolution ? { jupyter: { source_hidden: true } } : {});
        } else if (node.type === "mdxJsxFlowElement") {
          writeComponent(node, ctx, inSolution);
        } else if (
          node.type === "paragraph" &&
          node.children.length === 1 &&
          node.children[0]!.type === "mdxJsxTextElement" &&
          /^[A-Z]/.test(node.children[0].name ?? "")
        ) {
          writeComponent(node.children[0], ctx, inSolution); // a component on a line of its own: <Cell id="…">caption</Cell>
        } else if (node.position) cells.prose(block(node));
      }
    },
  };

  cells.marked(headerText(input), { header: true });
  ctx.visit(tree.children, false);
  cells.flush();
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "python3", display_name: "Python 3", language: "python" },
      language_info: { name: "python" },
      colab: { provenance: [] },
      // The chapter's frontmatter, so importing the notebook gives the chapter back.
      course: { locale: input.locale, frontmatter: input.frontmatter },
    },
    cells: cells.cells,
  };
}

/** The titles of a chapter's videos by id (`<Video id title>`), for its translations' notebooks. */
export function videoTitles(mdx: string): Record<string, string> {
  const titles: Record<string, string> = {};
  visit(parseMdx(mdx), (node) => {
    if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name === "Video") {
      const id = attr(node, "id");
      const title = attr(node, "title");
      if (id && title !== undefined) titles[id] = title;
    }
  });
  return titles;
}
