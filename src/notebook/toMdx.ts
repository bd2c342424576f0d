import { stringify } from "yaml";
import type { FrontmatterFields } from "../lib/content/frontmatter.ts";
import type { ReadNotebook } from "./readNotebook.ts";
import { CodeCells, type ScaffoldedDemo } from "./import/codeCell.ts";
import { ChapterImages } from "./import/images.ts";
import { MarkdownCells, topHeadingLevel } from "./import/markdownCell.ts";
import { fence, isRecord, ImportReport, marksOf } from "./import/shared.ts";
import { exportedFrontmatter, isBadgeCell, madeUpFrontmatter, readTitleCell } from "./import/titleCell.ts";

/** A notebook turned into a chapter: its MDX, the images to put beside it, and what needs a person. */
export interface ImportedChapter {
  readonly mdx: string;
  /** File name (beside index.mdx) -> bytes. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** One line per thing the notebook had that the page cannot do by itself, and per cell what the import changed. */
  readonly report: readonly string[];
  /** Widget demos read as controls: each gets a cell module to fill in (`<Cell id>` in the MDX). */
  readonly demos: readonly ScaffoldedDemo[];
}

export interface ImportOptions {
  /** The notebook's name, for messages. */
  readonly name: string;
  /** Reads a file the notebook links to, relative to the notebook (null: not there or not allowed). */
  readonly readRelative: (path: string) => Uint8Array | null;
  /** The fields the course adds to the frontmatter: the import writes `slides` only when the course has that field. */
  readonly fields?: FrontmatterFields;
}

/**
 * A notebook as an MDX chapter, cell by cell: markdown cells made safe for MDX (import/markdownCell.ts),
 * code cells as code, videos, feedback and widget demos (import/codeCell.ts), images copied beside the
 * chapter (import/images.ts), the title cell as the frontmatter (import/titleCell.ts). Cells marked by
 * our own export (figures, solutions, timings, the data note, the title) come back as their components,
 * and a cell folded as a solution goes inside the `<Solution>` its marker opened.
 */
export function notebookToMdx(nb: ReadNotebook, options: ImportOptions): ImportedChapter {
  const report = new ImportReport();
  const images = new ChapterImages(options.name, options.readRelative);
  const markdown = new MarkdownCells(images, report);
  const code = new CodeCells(images, report);
  const blocks: string[] = [];
  let solution: { blocks: string[]; for: string } | null = null;
  const closeSolution = () => {
    if (!solution) return;
    blocks.push(`<Solution${solution.for === "bonus" ? ' for="bonus"' : ""}>\n\n${solution.blocks.join("\n\n")}\n\n</Solution>`);
    solution = null;
  };
  const push = (block: string, inSolution = false) => {
    if (solution && inSolution) solution.blocks.push(block);
    else {
      closeSolution();
      blocks.push(block);
    }
  };

  const exported = exportedFrontmatter(nb, options.name, options.fields);
  const title = exported ? null : readTitleCell(nb);
  // The notebook's top headings become the page's sections (##), the rest below them in order.
  markdown.headingShift = Math.max(
    0,
    2 -
      topHeadingLevel(
        nb.cells.filter((c) => c.type === "markdown" && c !== title?.cell && !marksOf(c).header && !isBadgeCell(c)).map((c) => c.source),
      ),
  );
  if (markdown.headingShift)
    report.add(
      `the notebook's headings are one level lower on the page (# is ##), so the page's title is its only top heading and the contents list every section`,
    );

  for (const [at, cell] of nb.cells.entries()) {
    const marks = marksOf(cell);
    if (marks.header) continue; // our export's title cell: the frontmatter says it again
    if (cell === title?.cell) continue;
    if (isBadgeCell(cell)) {
      report.cell(cell, "a Colab/Kaggle badge dropped (the site links to its own notebook)");
      continue;
    }
    const inSolution = Boolean(isRecord(cell.metadata.jupyter) && cell.metadata.jupyter.source_hidden) || marks.inSolution === true;
    if (cell.type === "markdown") {
      if (typeof marks.solution === "string") {
        closeSolution();
        solution = { blocks: [], for: marks.solution };
        continue;
      }
      const text = markdown.convert(cell);
      if (typeof marks.cell === "string" && /^[\w-]+$/.test(marks.cell)) {
        const caption = text.replace(/^\*([\s\S]*)\*$/, "$1").trim();
        push(caption ? `<Cell id="${marks.cell}">${caption}</Cell>` : `<Cell id="${marks.cell}" />`, inSolution);
      } else if (marks.elapsed === "total") push("<Elapsed total />");
      else if (typeof marks.elapsed === "string" && /^[\w-]+$/.test(marks.elapsed)) push(`<Elapsed section="${marks.elapsed}" />`);
      else if (marks.slides) push("<Slides />");
      else if (marks.dataNote) push(`<DataNote>${text.replace(/^\*[^*]*\*\s*/, "")}</DataNote>`);
      else if (text) push(text);
      continue;
    }
    if (cell.type === "raw") {
      if (cell.source.trim()) push(`${fence(cell.source)}text\n${cell.source.trimEnd()}\n${fence(cell.source)}`);
      continue;
    }
    for (const block of code.convert(cell, nb.cells[at + 1], markdown.section, inSolution)) push(block.mdx, block.inSolution);
  }
  closeSolution();

  let frontmatter = exported;
  if (!frontmatter) {
    frontmatter = madeUpFrontmatter(title, blocks, options.name, options.fields && "slides" in options.fields ? code.slides : undefined);
    report.add(
      `frontmatter: made from the notebook's ${title ? "title cell" : "first heading"} and first paragraph; check title, description, course, order and estimatedMinutes`,
    );
  }
  const yaml = stringify(frontmatter, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", lineWidth: 0 }).trimEnd();
  return { mdx: `---\n${yaml}\n---\n\n${blocks.join("\n\n")}\n`, files: images.files, report: report.lines, demos: code.demos };
}
