import type { Nodes, Root, RootContent } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { fileOffsets } from "../lib/content/offsets.ts";
import { slidesUrl } from "../lib/content/slides.ts";
import { visit } from "unist-util-visit";
import { parseMdx } from "../lib/content/parseMdx.ts";
import { sourceLines, textLines, type CodeCell, type CodeOutput, type Notebook, type NotebookCell } from "./cells.ts";
import { videoCellCode } from "./videoCell.ts";

/** What a chapter page shows besides its MDX: the numbers, the UI strings, the data it was built from. */
export interface NotebookInput {
  /** The chapter's MDX in the page's language (frontmatter included). */
  readonly mdx: string;
  readonly frontmatter: {
    readonly title: string;
    readonly course?: string | undefined;
    readonly byline?: string | undefined;
    readonly thanks?: string | undefined;
    readonly slides?: string | undefined;
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
 * line so Colab folds them), videos as the course's video cells, feedback as its cells, and
 * each solution in a folded pair after its exercise.
 */
export function chapterNotebook(input: NotebookInput): Notebook {
  const { mdx, t, frontmatter: fm } = input;
  const tree: Root = parseMdx(mdx);
  const offset = fileOffsets(mdx);
  const cells: NotebookCell[] = [];
  let markdown: string[] = [];
  let n = 0;
  const id = () => `cell-${String(++n).padStart(3, "0")}`;
  const flush = () => {
    const text = markdown.join("\n\n").trim();
    if (text) cells.push({ id: id(), cell_type: "markdown", metadata: {}, source: sourceLines(text) });
    markdown = [];
  };
  /** A markdown cell of its own, marked with what it stands for on the page (so an import can bring it back). */
  const marked = (text: string, course: Record<string, unknown>) => {
    flush();
    cells.push({ id: id(), cell_type: "markdown", metadata: { course }, source: text ? sourceLines(text) : [] });
  };
  const code = (text: string, metadata: Record<string, unknown> = {}, outputs: CodeOutput[] = []) => {
    flush();
    cells.push({ id: id(), cell_type: "code", metadata, source: sourceLines(text), execution_count: null, outputs });
  };
  const prose = (raw: string) =>
    raw
      .replace(VALUE, (_, k: string) => `<span data-value="${k}">${input.value(k)}</span>`)
      .replace(HEADING_ID, (_, hid: string) => ` <a name="${hid}"></a>`)
      .replace(/\\([{}<>])/g, "$1");
  const raw = (node: Nodes) => mdx.slice(offset(node.position!.start), offset(node.position!.end));

  // The top of the notebook: course, title, byline, credits, thanks, and where the page is.
  const list = new Intl.ListFormat(input.locale, { type: "conjunction" });
  const head = [
    fm.course ? `# ${fm.course}` : "",
    `## ${fm.title}`,
    fm.byline ? `**${fm.byline}**` : "",
    (["creators", "reviewers", "editors"] as const)
      .filter((k) => fm.credits[k].length)
      .map((k) => `__${t("punct.labelled", { label: t(`credits.${k}`) })}__ ${list.format(fm.credits[k])}`)
      .join("\n\n"),
    fm.thanks ?? "",
    // A link when the site's address is known (SITE_URL); otherwise the page's path, as text a reader can use.
    /^https?:\/\//.test(input.pageUrl) ? `<${input.pageUrl}>` : t("notebook.pageAt", { path: `\`${input.pageUrl}\`` }),
  ];
  marked(head.filter(Boolean).join("\n\n"), { header: true });

  const visit = (nodes: readonly RootContent[], inSolution: boolean) => {
    for (const node of nodes) {
      if (node.type === "heading") {
        flush();
        markdown.push(prose(raw(node)));
      } else if (node.type === "code" && node.lang && !/^(python|py|ipython3?)$/.test(node.lang)) {
        markdown.push(raw(node)); // not Python (a drawing, a shell line): shown, not run
      } else if (node.type === "code") {
        code(node.value, inSolution ? { jupyter: { source_hidden: true } } : {});
      } else if (node.type === "mdxJsxFlowElement") {
        element(node, inSolution);
      } else if (
        node.type === "paragraph" &&
        node.children.length === 1 &&
        node.children[0]!.type === "mdxJsxTextElement" &&
        /^[A-Z]/.test(node.children[0].name ?? "")
      ) {
        element(node.children[0], inSolution); // a component on a line of its own: <Cell id="…">caption</Cell>
      } else if (node.position) markdown.push(prose(raw(node)));
    }
  };
  /** The text between a component's tags, as written. */
  const inner = (node: MdxJsxFlowElement | MdxJsxTextElement) => {
    const kids = node.children.filter((c) => c.position);
    return kids.length ? mdx.slice(offset(kids[0]!.position!.start), offset(kids.at(-1)!.position!.end)) : "";
  };
  const element = (node: MdxJsxFlowElement | MdxJsxTextElement, inSolution: boolean) => {
    switch (node.name) {
      case "CodeCell": {
        const hidden = attr(node, "hidden");
        for (const child of node.children) {
          if (child.type !== "code") continue;
          let text = child.value;
          const course: Record<string, unknown> = {};
          // The code is the course's, as its notebook has it: no form line is added (the label travels in the metadata).
          const standIn = input.data?.standIn;
          if (standIn && text.includes(input.data.match)) {
            // From a deployment with a known address the file's URL is absolute; otherwise the lines
            // start with the site's address to fill in (requests cannot fetch a bare path).
            const absolute = /^https?:\/\//.test(standIn.url);
            const load = absolute
              ? standIn.load.replace(/\{url\}/g, standIn.url)
              : `SITE_URL = "https://"  # ${t("notebook.siteAddress")}\n${standIn.load.replace(/(["'])\{url\}\1/g, `SITE_URL + "${standIn.url}"`).replace(/\{url\}/g, standIn.url)}`;
            const added = `\n\n# ${t("notebook.standIn")}\n${load
              .split("\n")
              .map((l) => `# ${l}`.trimEnd())
              .join("\n")}`;
            text += added;
            course.addedLines = added.split("\n").length - 2;
          }
          if (hidden) course.hidden = hidden;
          const metadata: Record<string, unknown> = hidden ? { cellView: "form" } : {};
          if (inSolution) metadata.jupyter = { source_hidden: true };
          // Which printed output of the page this cell makes (for checking the notebook against the page).
          const output = attr(node, "output");
          if (output) course.output = output;
          if (Object.keys(course).length) metadata.course = course;
          // What the page prints under the code, the notebook shows as the cell's output.
          const printed = output ? input.output?.(output) : null;
          code(text, metadata, printed ? [{ output_type: "stream", name: "stdout", text: textLines(printed) }] : []);
        }
        return;
      }
      case "Video": {
        // The code's form line keeps the source's title, as the course's notebooks do in every
        // language; the page's title in this language travels in the metadata (an import restores it).
        const title = attr(node, "title") ?? "";
        const codeTitle = input.sourceVideoTitles?.[attr(node, "id") ?? ""] ?? title;
        // (Marked as the page's video, so the notebook can be checked against the page.)
        code(videoCellCode(input.course.videoCell, codeTitle, attr(node, "youtube") ?? "", attr(node, "bilibili") ?? ""), {
          cellView: "form",
          course: { video: attr(node, "id") ?? "", ...(codeTitle !== title ? { videoTitle: title } : {}) },
        });
        return;
      }
      case "Feedback":
        code(`# @title Submit your feedback\ncontent_review(f"{feedback_prefix}_${attr(node, "id") ?? ""}")`, {
          cellView: "form",
          course: { feedback: attr(node, "id") ?? "" },
        });
        return;
      case "Slides":
        if (fm.slides) marked(`[${t("slides.link")}](${slidesUrl(input.course.slidesHost, fm.slides)})`, { slides: true });
        return;
      case "Elapsed": {
        const minutes = attr(node, "total") ? fm.estimatedMinutes : fm.elapsed[attr(node, "section") ?? ""];
        if (minutes !== undefined)
          marked(`*${t(attr(node, "total") ? "chapter.estimatedTotal" : "chapter.elapsed", { minutes })}*`, {
            elapsed: attr(node, "total") ? "total" : attr(node, "section"),
          });
        return;
      }
      case "Solution": {
        const bonus = attr(node, "for") === "bonus";
        marked(`**${t(bonus ? "exercise.showBonusSolution" : "exercise.showSolution")}**`, { solution: bonus ? "bonus" : "exercise" });
        visit(node.children, true);
        flush();
        return;
      }
      case "DataNote":
        marked(`*${t("data.computedHere")}* ${prose(inner(node)).trim()}`, { dataNote: true });
        return;
      case "Cell": {
        // The figure is what the code above draws: the page's drawing becomes that code cell's
        // output (a student sees the example output the page shows); its caption stays with it.
        const cellId = attr(node, "id");
        const figure = cellId ? input.figure?.(cellId) : null;
        flush();
        const above = cells.findLast((c): c is CodeCell => c.cell_type === "code");
        if (figure && above)
          above.outputs.push({
            output_type: "display_data",
            data: {
              ...(figure.html ? { "text/html": textLines(figure.html) } : {}),
              "image/svg+xml": textLines(figure.svg),
              "text/plain": textLines(figure.alt),
            },
            metadata: { course: { cell: cellId }, alt: figure.alt },
          });
        marked(inner(node).trim() ? `*${prose(inner(node)).trim()}*` : "", {
          cell: cellId,
          ...(inSolution ? { inSolution } : {}),
        });
        return;
      }
      default:
        visit(node.children, inSolution);
    }
  };
  visit(tree.children, false);
  flush();
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
    cells,
  };
}

/** A component's literal prop (`true` for a bare one), or undefined. */
function attr(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined {
  const a = node.attributes.find((x) => x.type === "mdxJsxAttribute" && x.name === name);
  if (a?.type !== "mdxJsxAttribute") return undefined;
  return typeof a.value === "string" ? a.value : a.value === null ? "true" : undefined;
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
