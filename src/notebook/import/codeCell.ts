import type { ReadCell } from "../readNotebook.ts";
import { demoCellId, readWidgetDemo, type WidgetDemo } from "./widgetScaffold.ts";
import type { ChapterImages } from "./images.ts";
import { oneLine } from "../../lib/text/notebookText.ts";
import { attr, fence, marksOf, type ImportReport } from "./shared.ts";

/** A block of the chapter a code cell makes, and whether it belongs inside the solution being read. */
export interface CodeBlock {
  readonly mdx: string;
  readonly inSolution: boolean;
}

/** A widget demo read as controls, the cell id it gets, and the notebook cell it came from. */
export interface ScaffoldedDemo {
  readonly id: string;
  readonly demo: WidgetDemo;
  readonly cellIndex: number;
}

// The course's video cell, in its newer form (video_ids) or its older one (YouTubeVideo, BiliVideo).
const VIDEO_IDS = /video_ids\s*=\s*\[\s*\(\s*'Youtube'\s*,\s*'([\w-]+)'\s*\)\s*,\s*\(\s*'Bilibili'\s*,\s*'([\w-]+)'\s*\)/;
const YOUTUBE = /YouTubeVideo\(\s*id\s*=\s*f?["']([\w-]+)["']/;
const BILIBILI = /BiliVideo\(\s*id\s*=\s*f?["']([\w-]+)["']/;
// The course's slides cell: an IFrame of OSF's renderer on the slides' file.
const SLIDES = /IFrame\(\s*src\s*=\s*f?["']https:\/\/mfr\.ca-1\.osf\.io\/render\?url=https:\/\/osf\.io\/([a-z0-9]{5})\//;
const FEEDBACK = /^(?:\s*#.*\n)*\s*content_review\(f"\{feedback_prefix\}_([\w-]+)"\)\s*$/;
const INTERACTIVE = /\binteract(?:ive)?\s*\(|@(?:widgets\.)?interact\b|widgets\.\w+Slider|\.observe\(/;

/** The YouTube and (when it has one) Bilibili ids of the course's video cell, or null when the code is not one. */
function videoIds(code: string): [string, string | undefined] | null {
  const ids = VIDEO_IDS.exec(code);
  if (ids) return [ids[1]!, ids[2]!];
  const yt = YOUTUBE.exec(code)?.[1];
  return yt ? [yt, BILIBILI.exec(code)?.[1]] : null;
}

/**
 * A notebook's code cells as MDX, one after another: the course's video and feedback cells as
 * `<Video>` and `<Feedback>`; a widget demo as a `<Cell>` waiting for its computation (or, when
 * its widgets cannot be read, a placeholder paragraph); every other cell as a `<CodeCell>` (its
 * `# @title` label hiding it), then what it printed and the images it drew.
 */
export class CodeCells {
  readonly demos: ScaffoldedDemo[] = [];
  /** The OSF id of the slides the notebook shows (its slides cell), for the chapter's frontmatter. */
  slides: string | undefined;
  private videos = 0;

  private readonly images: ChapterImages;
  private readonly report: ImportReport;

  constructor(images: ChapterImages, report: ImportReport) {
    this.images = images;
    this.report = report;
  }

  /** `section`: the id of the section the cell is in; `next`: the cell after it (a figure our export marked covers a widget cell). */
  convert(cell: ReadCell, next: ReadCell | undefined, section: string, inSolution: boolean): CodeBlock[] {
    const marks = marksOf(cell);
    let lines = cell.source.replace(/\r\n?/g, "\n").trimEnd().split("\n");
    // What our export added for the notebook (a form line, the stand-in's lines) goes again.
    if (typeof marks.addedLines === "number" && marks.addedLines > 0) lines = lines.slice(0, -marks.addedLines);
    const title = /^\s*#\s*@title\s+(.*)$/.exec(lines[0] ?? "")?.[1]?.trim();
    if (marks.addedTitle === true && title !== undefined) lines = lines.slice(1);
    const code = lines.join("\n").trimEnd();
    if (!code) return [];
    // A form cell with no title (`# @markdown` text only) is folded as Colab shows it, its text the label.
    const form = title === undefined ? lines.map((l) => /^\s*#\s*@markdown\s+(.*\S)/.exec(l)?.[1]).find((t) => t !== undefined) : undefined;
    const formLabel = form === undefined ? undefined : oneLine(form.replace(/[*_`]+/g, "")).trim() || undefined;
    if (formLabel !== undefined && typeof marks.hidden !== "string")
      this.report.cell(cell, "a form cell (# @markdown, no # @title) folded as Colab shows it");
    const label = typeof marks.hidden === "string" ? oneLine(marks.hidden).trim() : (title ?? formLabel);
    const out: CodeBlock[] = [];
    this.slides ??= SLIDES.exec(code)?.[1];
    const push = (mdx: string, solution = false) => out.push({ mdx, inSolution: solution });

    const video = videoIds(code);
    if (video) {
      this.videos++;
      // Our export keeps the source's title in the code and the page's in the metadata.
      const shown = typeof marks.videoTitle === "string" ? oneLine(marks.videoTitle).trim() : title;
      push(
        `<Video id="video-${this.videos}" title=${attr(shown ?? `Video ${this.videos}`)} youtube="${video[0]}"${video[1] ? ` bilibili="${video[1]}"` : ""} />`,
      );
      return out;
    }
    const feedback = FEEDBACK.exec(code);
    if (feedback) {
      push(`<Feedback id="${feedback[1]}" />`);
      return out;
    }

    // A widget cell whose figure follows (a cell our export marked) is the page's interactive cell already.
    const covered = next !== undefined && typeof marksOf(next).cell === "string";
    let figureAfter: string | undefined;
    if (INTERACTIVE.test(code) && !covered) {
      const demo = readWidgetDemo(code);
      if (demo) {
        let id = demoCellId(demo.fn);
        for (let n = 2; this.demos.some((d) => d.id === id); n++) id = `${demoCellId(demo.fn)}-${n}`;
        this.demos.push({ id, demo, cellIndex: cell.index });
        this.report.add(
          `section ${section}: interactive demo (cell ${cell.index + 1}) scaffolded as cell "${id}" with ${demo.controls.length} control(s) (${demo.controls.map((c) => c.name).join(", ")}); its payload and drawing are left to write`,
        );
        for (const note of demo.notes) this.report.add(`  cell ${cell.index + 1}: ${note}`);
        // The figure after the demo's code, as the course's chapters have it: an exported notebook then
        // shows the page's drawing as that code cell's output, where the notebook's own demo draws.
        figureAfter = `<Cell id="${id}" />`;
      } else {
        this.report.add(
          `section ${section}: interactive demo${label ? ` "${label}"` : ""} (cell ${cell.index + 1}) needs a cell module (chapters/<chapter>/) to run on the page`,
        );
        push(`**Interactive demo (cell ${cell.index + 1}): on this page it needs a cell module; its notebook code follows.**`);
      }
    }

    const props = [
      label ? ` hidden=${attr(label)}` : "",
      label && typeof marks.summary === "string" ? ` summary=${attr(oneLine(marks.summary).trim())}` : "",
      typeof marks.output === "string" && /^[\w-]+$/.test(marks.output) ? ` output="${marks.output}"` : "",
    ].join("");
    const f = fence(code);
    push(`<CodeCell${props}>\n\n${f}python\n${code}\n${f}\n\n</CodeCell>`, inSolution);
    if (figureAfter) push(figureAfter);
    // What the page prints or draws for a cell our export marked comes back from the chapter, not from here.
    if (marks.output) return out;
    if (cell.outputText.trim()) {
      const printed = cell.outputText.trimEnd();
      push(`${fence(printed)}text\n${printed}\n${fence(printed)}`, inSolution);
    }
    for (const what of cell.unshown)
      this.report.cell(cell, `its output, ${what}, left out: a page cannot play it (the code that makes it stays)`);
    // What the cell drew: each image beside the chapter, shown after the code as the notebook shows it.
    cell.outputImages.forEach((image, n) => {
      const name = this.images.output(cell, image, n);
      if (name === null) {
        this.report.cell(cell, "an output image larger than 10 MB left out");
        return;
      }
      push(`![Output of cell ${cell.index + 1}](./${name})`, inSolution);
      this.report.cell(cell, `its output image kept as ${name}`);
    });
    return out;
  }
}
