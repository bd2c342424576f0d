import { fromMarkdown } from "mdast-util-from-markdown";
import { mathFromMarkdown } from "mdast-util-math";
import { math } from "micromark-extension-math";
import { visit } from "unist-util-visit";
import { formulaFailure } from "../../lib/content/formulaProblems.ts";
import { htmlMarkdownToMdx } from "./htmlToMdx.ts";
import { codeLines, separateDisplayDollars, separateLatexEnvironments, specialBlocks } from "./markdownBlocks.ts";
import type { ReadCell } from "../readNotebook.ts";
import type { ChapterImages } from "./images.ts";
import { slug, type ImportReport } from "./shared.ts";

// Inline HTML a chapter may hold (the content policy's list), without attributes; <span lang> too.
const SAFE_TAG = /^<\/?(abbr|b|br|cite|code|em|i|kbd|mark|q|s|samp|small|strong|sub|sup|var)>$|^<span lang="[A-Za-z-]+">$|^<\/span>$/;
// Code spans and formulas: kept exactly as written.
const VERBATIM = /(`+[^`]*`+|\$\$[^$]*\$\$|\$[^$\n]+\$)/;
// What a line of prose keeps as markup, in order of precedence: an image, a value our export
// wrote, a line break, a tag, an autolink. Everything between them is text.
const MARKUP =
  /!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)|<span data-value="([\w-]+)">[^<]*<\/span>|(<br\s*\/?>)|(<\/?[a-zA-Z]+(?:\s+lang="[A-Za-z-]+")?>)|<(https?:\/\/[^>\s]+)>/gi;
const HEADING_ANCHOR = /\s*<a\s+(?:name|id)="([^"]+)"\s*>\s*<\/a>\s*/;

/**
 * A notebook's markdown cells as MDX, one after another (headings get ids unique in the chapter,
 * the section a cell is in is known): markdown made safe for MDX outside code and maths; a block
 * with HTML a chapter cannot hold (badges, sponsor and solution images, `<details>`, `<font>`) read
 * as Markdown with HTML and written again as MDX (htmlToMdx.ts); a LaTeX environment written
 * without `$$` (`\begin{equation}` … `\end{equation}`) made a display formula.
 */
export class MarkdownCells {
  /** The id of the section the last heading opened. */
  section = "_intro";
  /**
   * Levels added to every heading, so that the notebook's top headings are the page's sections
   * (`##`: the page's title is its only top level, and the contents list every section).
   */
  headingShift = 0;
  private readonly ids = new Set<string>();
  private headings = 0;

  private readonly images: ChapterImages;
  private readonly report: ImportReport;

  constructor(images: ChapterImages, report: ImportReport) {
    this.images = images;
    this.report = report;
  }

  convert(cell: ReadCell): string {
    const separated = separateLatexEnvironments(cell.source.replace(/\r\n?/g, "\n"));
    for (let n = 0; n < separated.count; n++) this.report.cell(cell, "a LaTeX environment without $$ made a display formula");
    const dollars = separateDisplayDollars(separated.source);
    for (let n = 0; n < dollars.count; n++)
      this.report.cell(cell, "a $$…$$ on one line made a display formula (Jupyter draws $$ as display)");
    const source = dollars.source;
    const lines = source.split("\n");
    const special = specialBlocks(source);
    const out: string[] = [];
    let inFence: string | null = null;
    let inMath = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const block = !inFence && !inMath ? special.get(i + 1) : undefined;
      if (block) {
        const text = lines.slice(i, block.endLine).join("\n");
        if (block.kind === "latex") {
          out.push("$$", text.trim(), "$$");
          this.report.cell(cell, "a LaTeX environment without $$ made a display formula");
        } else {
          const converted = htmlMarkdownToMdx(text, (alt, src) => this.images.fromNotebook(cell, alt, src));
          if (converted.mdx) out.push(converted.mdx);
          for (const change of converted.changes) this.report.cell(cell, change);
        }
        i = block.endLine - 1;
        continue;
      }
      // A display formula over several lines is kept as written, like code.
      if (!inFence && (inMath || /^\s*\$\$\s*$/.test(line))) {
        out.push(line);
        if (/^\s*\$\$\s*$/.test(line)) inMath = !inMath;
        continue;
      }
      const f = /^\s*(`{3,}|~{3,})/.exec(line);
      if (inFence) {
        out.push(line);
        if (f?.[1]!.startsWith(inFence)) inFence = null;
        continue;
      }
      if (f) {
        inFence = f[1]!;
        out.push(line);
        continue;
      }
      const heading = /^(#{1,6})\s+(.*)$/.exec(line.trimEnd());
      if (heading) out.push(this.heading(cell, heading[1]!, heading[2]!));
      else out.push(this.inline(cell, line));
    }
    const mdx = out.join("\n").trim();
    // A formula KaTeX cannot draw (MathJax may) is kept as written: readers see its source, and the author is told which cell.
    for (const failure of formulaFailures(mdx))
      this.report.cell(cell, `a formula KaTeX cannot draw kept as written (readers see its TeX source): ${failure}`);
    return mdx;
  }

  /** A heading with its id: the notebook's own anchor when it has one, else its words; unique in the chapter. */
  private heading(cell: ReadCell, hashes: string, raw: string): string {
    this.headings++;
    const anchor = HEADING_ANCHOR.exec(raw)?.[1];
    const text = raw.replace(new RegExp(HEADING_ANCHOR.source, "g"), " ").trim();
    const wanted = anchor ?? slug(text);
    let id = wanted && /^[A-Za-z][\w-]*$/.test(wanted) ? wanted : `section-${this.headings}`;
    for (let n = 2; this.ids.has(id); n++) id = `${wanted ?? "section"}-${n}`;
    this.ids.add(id);
    this.section = id;
    return `${"#".repeat(Math.min(6, hashes.length + this.headingShift))} ${this.inline(cell, text)} \\{#${id}\\}`;
  }

  /** One line of prose: code spans and maths kept, images, values, line breaks and allowed tags kept, the rest escaped. */
  private inline(cell: ReadCell, line: string): string {
    const escape = (text: string) => text.replace(/[{}<]/g, (c) => `\\${c}`);
    return line
      .split(VERBATIM)
      .map((part, i) => {
        if (i % 2 === 1) return part;
        let out = "";
        let at = 0;
        for (const m of part.matchAll(MARKUP)) {
          out += escape(part.slice(at, m.index));
          at = m.index + m[0].length;
          const [all, alt, target, value, br, tag, url] = m;
          if (target !== undefined) out += this.images.markdown(cell, alt!, target);
          else if (value !== undefined) out += `<Value k="${value}" />`;
          else if (br !== undefined) out += "<br />";
          else if (tag !== undefined) out += SAFE_TAG.test(tag) ? tag : escape(tag);
          else if (url !== undefined) out += `[${url}](${url})`;
          else out += escape(all);
        }
        return out + escape(part.slice(at));
      })
      .join("");
  }
}

/** The top heading level markdown cells use (1 for `#`), outside code fences; 2 when they have none. */
export function topHeadingLevel(sources: readonly string[]): number {
  let top = 7;
  for (const source of sources) {
    const lines = source.split("\n");
    const code = codeLines(lines);
    lines.forEach((line, i) => {
      const h = code[i] ? null : /^(#{1,6})\s+\S/.exec(line);
      if (h) top = Math.min(top, h[1]!.length);
    });
  }
  return top === 7 ? 2 : top;
}

/** What KaTeX says of each formula of a converted cell it cannot draw. */
function formulaFailures(mdx: string): string[] {
  const tree = fromMarkdown(mdx, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] });
  const found: string[] = [];
  visit(tree, (node) => {
    if (node.type !== "math" && node.type !== "inlineMath") return;
    const failure = formulaFailure(node.value, node.type === "math");
    if (failure !== null) found.push(failure);
  });
  return found;
}
