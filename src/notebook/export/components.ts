import type { RootContent } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { slidesUrl } from "../../lib/content/slides.ts";
import { textLines } from "../cells.ts";
import type { NotebookInput } from "../chapterNotebook.ts";
import { videoCellCode } from "../videoCell.ts";
import type { NotebookCells } from "./notebookCells.ts";
import { markdownText } from "../../lib/text/notebookText.ts";
import { withStandInLines } from "./standIn.ts";

type Element = MdxJsxFlowElement | MdxJsxTextElement;

/** What a component's writer is given: the input, the cells so far, and the ways to read the MDX. */
export interface ExportContext {
  readonly input: NotebookInput;
  readonly cells: NotebookCells;
  /** MDX prose as notebook markdown (values as the page shows them, heading ids as anchors, escapes undone). */
  readonly prose: (raw: string) => string;
  /** The text between a component's tags, as written. */
  readonly inner: (node: Element) => string;
  /** Writes nodes (a component's children) in order. */
  readonly visit: (nodes: readonly RootContent[], inSolution: boolean) => void;
}

/** A component's literal prop (`true` for a bare one), or undefined. */
export function attr(node: Element, name: string): string | undefined {
  const a = node.attributes.find((x) => x.type === "mdxJsxAttribute" && x.name === name);
  if (a?.type !== "mdxJsxAttribute") return undefined;
  return typeof a.value === "string" ? a.value : a.value === null ? "true" : undefined;
}

/** `<CodeCell>`: its code exactly as the page shows it (the stand-in's lines added to the data cell), what the page prints as its output. */
function codeCell(node: Element, ctx: ExportContext, inSolution: boolean): void {
  const hidden = attr(node, "hidden");
  const summary = attr(node, "summary");
  for (const child of node.children) {
    if (child.type !== "code") continue;
    // The code is the course's, as its notebook has it: no form line is added (the label travels in the metadata).
    const { text, added } = withStandInLines(child.value, ctx.input);
    const course: Record<string, unknown> = {};
    if (added) course.addedLines = added;
    if (hidden) course.hidden = hidden;
    // What the page calls the cell (the notebook shows its own title): kept for an import.
    if (summary) course.summary = summary;
    const metadata: Record<string, unknown> = hidden ? { cellView: "form" } : {};
    if (inSolution) metadata.jupyter = { source_hidden: true };
    // Which printed output of the page this cell makes (for checking the notebook against the page).
    const output = attr(node, "output");
    if (output) course.output = output;
    if (Object.keys(course).length) metadata.course = course;
    // What the page prints under the code, the notebook shows as the cell's output.
    const printed = output ? ctx.input.output?.(output) : null;
    ctx.cells.code(text, metadata, printed ? [{ output_type: "stream", name: "stdout", text: textLines(printed) }] : []);
  }
}

/**
 * `<Video>`: the course's video cell. Its form line keeps the source's title, as the course's
 * notebooks do in every language; the page's title in this language travels in the metadata
 * (an import restores it), with the video's id (so the notebook can be checked against the page).
 */
function video(node: Element, ctx: ExportContext): void {
  const title = attr(node, "title") ?? "";
  const codeTitle = ctx.input.sourceVideoTitles?.[attr(node, "id") ?? ""] ?? title;
  ctx.cells.code(videoCellCode(ctx.input.course.videoCell, codeTitle, attr(node, "youtube") ?? "", attr(node, "bilibili") ?? ""), {
    cellView: "form",
    course: { video: attr(node, "id") ?? "", ...(codeTitle !== title ? { videoTitle: title } : {}) },
  });
}

/**
 * `<Cell>`: the page's drawing as an output of the code above it (a student sees the example
 * output the page shows), or, when no code comes before it, of an empty code cell of its own
 * (never lost); its caption in a marked cell.
 */
function figure(node: Element, ctx: ExportContext, inSolution: boolean): void {
  const cellId = attr(node, "id");
  const drawn = cellId ? ctx.input.figure?.(cellId) : null;
  const above = ctx.cells.lastCode();
  if (drawn) {
    const output = {
      output_type: "display_data" as const,
      data: {
        ...(drawn.html ? { "text/html": textLines(drawn.html) } : {}),
        "image/svg+xml": textLines(drawn.svg),
        "text/plain": textLines(drawn.alt),
      },
      metadata: { course: { cell: cellId }, alt: drawn.alt },
    };
    if (above) above.outputs.push(output);
    else ctx.cells.code("", { course: { figureOf: cellId } }, [output]);
  }
  const caption = ctx.inner(node).trim();
  ctx.cells.marked(caption ? `*${ctx.prose(caption).trim()}*` : "", { cell: cellId, ...(inSolution ? { inSolution } : {}) });
}

/** Writes a component of the chapter as the notebook shows it; a component it does not know is written as its children. */
export function writeComponent(node: Element, ctx: ExportContext, inSolution: boolean): void {
  const { cells, input } = ctx;
  const { frontmatter: fm, t } = input;
  switch (node.name) {
    case "CodeCell": {
      codeCell(node, ctx, inSolution);
      return;
    }
    case "Video": {
      video(node, ctx);
      return;
    }
    case "Feedback": {
      // The id goes into a Python string: only the characters the content policy allows it (\w).
      const id = (attr(node, "id") ?? "").replace(/\W/g, "");
      cells.code(`# @title Submit your feedback\ncontent_review(f"{feedback_prefix}_${id}")`, {
        cellView: "form",
        course: { feedback: id },
      });
      return;
    }
    case "Slides":
      if (typeof fm.slides === "string")
        cells.marked(`[${markdownText(t("slides.link"))}](${slidesUrl(input.course.slidesHost, fm.slides)})`, { slides: true });
      return;
    case "Elapsed": {
      const total = attr(node, "total");
      const minutes = total ? fm.estimatedMinutes : fm.elapsed[attr(node, "section") ?? ""];
      if (minutes !== undefined)
        cells.marked(`*${markdownText(t(total ? "chapter.estimatedTotal" : "chapter.elapsed", { minutes }))}*`, {
          elapsed: total ? "total" : attr(node, "section"),
        });
      return;
    }
    case "Solution": {
      const bonus = attr(node, "for") === "bonus";
      cells.marked(`**${markdownText(t(bonus ? "exercise.showBonusSolution" : "exercise.showSolution"))}**`, {
        solution: bonus ? "bonus" : "exercise",
      });
      ctx.visit(node.children, true);
      cells.flush();
      return;
    }
    case "Fold": {
      // A fold in the notebook too: Jupyter's Markdown draws <details> (its content stays Markdown).
      cells.prose(`<details>\n<summary>${markdownText(attr(node, "summary") ?? "")}</summary>`);
      ctx.visit(node.children, inSolution);
      cells.prose("</details>");
      return;
    }
    case "DataNote": {
      cells.marked(`*${markdownText(t("data.computedHere"))}* ${ctx.prose(ctx.inner(node)).trim()}`, { dataNote: true });
      return;
    }
    case "Cell": {
      figure(node, ctx, inSolution);
      return;
    }
    default:
      ctx.visit(node.children, inSolution);
  }
}
