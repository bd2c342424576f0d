import { stringify } from "yaml";
import { chapterSchema, type ChapterFrontmatter } from "../lib/content/frontmatter.ts";
import { imageProblem } from "../lib/content/imageFile.ts";
import { printable } from "../lib/text/printable.ts";
import { NotebookError, type ReadCell, type ReadNotebook } from "./readNotebook.ts";
import { htmlMarkdownToMdx, type ImageResult } from "./htmlToMdx.ts";
import { specialBlocks } from "./markdownBlocks.ts";
import { demoCellId, readWidgetDemo, type WidgetDemo } from "./widgetScaffold.ts";

/** A notebook turned into a chapter: its MDX, the images to put beside it, and what needs a person. */
export interface ImportedChapter {
  readonly mdx: string;
  /** File name (beside index.mdx) -> bytes. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** One line per thing the notebook had that the page cannot do by itself, and per cell what the import changed. */
  readonly report: readonly string[];
  /** Widget demos read as controls: each gets a cell module to fill in (`<Cell id>` in the MDX). */
  readonly demos: readonly { readonly id: string; readonly demo: WidgetDemo; readonly cellIndex: number }[];
}

export interface ImportOptions {
  /** The notebook's name, for messages. */
  readonly name: string;
  /** Reads a file the notebook links to, relative to the notebook (null: not there or not allowed). */
  readonly readRelative: (path: string) => Uint8Array | null;
}

const IMAGE_TYPES: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/svg+xml": "svg",
  "image/webp": "webp",
};
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

// Pieces of a line kept as they are are marked with \u0000 … \u0001 while the rest is escaped.
// eslint-disable-next-line no-control-regex -- the markers are control characters on purpose
const KEPT = /(\u0000[^\u0001]*\u0001)/;
// eslint-disable-next-line no-control-regex -- and the notebook's own are removed first
const MARKERS = /[\u0000\u0001]/g;

/** A fence longer than any run of backticks in the text. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(longest + 1);
}

/** A heading's text as an id: ASCII words joined by "-", starting with a letter; null when none. */
function slug(text: string): string | null {
  const s = text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^[0-9-]+/, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return s ? s : null;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const course = (cell: ReadCell): Record<string, unknown> => (isRecord(cell.metadata.course) ? cell.metadata.course : {});
/** A JSX attribute value, quoted: double quotes unless the text has them and no single ones. */
const attr = (s: string) => (s.includes('"') && !s.includes("'") ? `'${s}'` : `"${s.replace(/"/g, "&quot;")}"`);
// Inline HTML a chapter may hold (the content policy's list), without attributes; <span lang> too.
const SAFE_TAG = /^<\/?(abbr|b|br|cite|code|em|i|kbd|mark|q|s|samp|small|strong|sub|sup|var)>$|^<span lang="[A-Za-z-]+">$|^<\/span>$/;

/**
 * A notebook as an MDX chapter: markdown made safe for MDX (braces and `<` escaped outside code
 * and maths, `<br>` kept, images copied beside the chapter, remote images as links), headings
 * with stable ids (the notebook's own anchors when it has them), `# @title` cells as hidden code
 * cells, the course's video and feedback cells as `<Video>` and `<Feedback>`, printed text as a
 * static block, and every widget cell as a marked placeholder named in the report. Cells marked
 * by our own export (figures, solutions, timings, the data note) come back as their components.
 */
export function notebookToMdx(nb: ReadNotebook, options: ImportOptions): ImportedChapter {
  const files = new Map<string, Uint8Array>();
  const report: string[] = [];
  const demos: { id: string; demo: WidgetDemo; cellIndex: number }[] = [];
  const ids = new Set<string>();
  const blocks: string[] = [];
  let section = "_intro";
  let videos = 0;
  let solution: string[] | null = null;
  let solutionFor = "exercise";
  let headingCount = 0;
  const closeSolution = () => {
    if (!solution) return;
    blocks.push(`<Solution${solutionFor === "bonus" ? ' for="bonus"' : ""}>\n\n${solution.join("\n\n")}\n\n</Solution>`);
    solution = null;
  };
  const push = (block: string, inSolution = false) => {
    if (solution && inSolution) solution.push(block);
    else {
      closeSolution();
      blocks.push(block);
    }
  };
  const uniqueId = (wanted: string | null) => {
    let id = wanted && /^[A-Za-z][\w-]*$/.test(wanted) ? wanted : `section-${headingCount}`;
    for (let n = 2; ids.has(id); n++) id = `${wanted ?? "section"}-${n}`;
    ids.add(id);
    return id;
  };
  /** What an image the notebook shows becomes: copied beside the chapter, a link when remote, a note when it cannot be. */
  const imageResult = (cell: ReadCell, alt: string, target: string): ImageResult => {
    if (/^https?:\/\//i.test(target))
      return {
        kind: "link",
        url: target,
        text: alt || `image: ${decodeURIComponent(target.replace(/[?#].*$/, "").replace(/^.*\//, "")) || target}`,
      };
    let bytes: Uint8Array | null = null;
    let name: string;
    if (target.startsWith("attachment:")) {
      const bundle = cell.attachments[target.slice("attachment:".length)];
      const type = bundle ? Object.keys(bundle).find((t) => IMAGE_TYPES[t]) : undefined;
      if (!bundle || !type) return { kind: "note", text: `[${alt || "image"}: ${target} is not in the notebook]` };
      bytes = Buffer.from(bundle[type]!, "base64");
      const base =
        target
          .slice("attachment:".length)
          .replace(/\.[^.]*$/, "")
          .replace(/[^\w-]+/g, "-") || "image";
      name = `${base}.${IMAGE_TYPES[type]}`;
    } else {
      if (/(^|\/)\.\.(\/|$)|^\/|^[a-z]+:/i.test(target))
        return { kind: "note", text: `[${alt || "image"}: ${target} is outside the notebook's folder]` };
      bytes = options.readRelative(target);
      name = target.replace(/^.*\//, "").replace(/[^\w.-]+/g, "-");
      if (!bytes || !/\.(png|jpe?g|gif|svg|webp)$/i.test(name))
        return { kind: "note", text: `[${alt || "image"}: ${target} could not be copied]` };
    }
    if (bytes.byteLength > MAX_IMAGE_BYTES) return { kind: "note", text: `[${alt || "image"}: ${name} is larger than 10 MB]` };
    // An image is published as it is: it must be the image it says (an SVG without script).
    const problem = imageProblem(name.replace(/^.*\./, ""), bytes);
    if (problem) throw new NotebookError(`${options.name}: cell ${cell.index + 1}: image ${printable(target, 60)} ${problem}`);
    files.set(name, bytes);
    return { kind: "image", url: `./${name}`, alt };
  };
  const image = (cell: ReadCell, alt: string, target: string): string => {
    const result = imageResult(cell, alt, target);
    if (result.kind === "image") return `![${result.alt}](${result.url})`;
    if (result.kind === "link") return `[${result.text}](${result.url})`;
    return `*${result.text}*`;
  };

  /**
   * Markdown made safe for MDX, outside code and maths; headings get ids. A block with HTML a
   * chapter cannot hold (badges, sponsor and solution images, `<details>`, `<font>`) is read as
   * Markdown with HTML and written again as MDX (htmlToMdx.ts); a LaTeX environment written
   * without `$$` (`\begin{equation}` … `\end{equation}`) becomes a display formula.
   */
  const markdown = (cell: ReadCell): string => {
    const source = cell.source.replace(MARKERS, "").replace(/\r\n?/g, "\n");
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
          reportCell(cell, "a LaTeX environment without $$ made a display formula");
        } else {
          const converted = htmlMarkdownToMdx(text, (alt, src) => imageResult(cell, alt, src));
          if (converted.mdx) out.push(converted.mdx);
          for (const change of converted.changes) reportCell(cell, change);
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
      if (heading) {
        headingCount++;
        const anchor = /\s*<a\s+(?:name|id)="([^"]+)"\s*>\s*<\/a>\s*/.exec(heading[2]!);
        const text = heading[2]!.replace(/\s*<a\s+(?:name|id)="[^"]*"\s*>\s*<\/a>\s*/g, " ").trim();
        const id = uniqueId(anchor?.[1] ?? slug(text));
        section = id;
        out.push(`${heading[1]} ${inline(cell, text)} \\{#${id}\\}`);
        continue;
      }
      out.push(inline(cell, line));
    }
    return out.join("\n").trim();
  };
  /** What the import changed in a cell, once per kind, for the report. */
  const reportCell = (cell: ReadCell, what: string) => {
    const line = `cell ${cell.index + 1}: ${what}`;
    if (!report.includes(line)) report.push(line);
  };
  /** One line of prose: code spans and maths kept, values and line breaks kept, the rest escaped. */
  const inline = (cell: ReadCell, line: string): string => {
    const parts = line.split(/(`+[^`]*`+|\$\$[^$]*\$\$|\$[^$\n]+\$)/);
    return parts
      .map((part, i) => {
        if (i % 2 === 1) return part;
        return part
          .replace(
            /!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g,
            (_, alt: string, target: string) => `\u0000${image(cell, alt, target)}\u0001`,
          )
          .replace(/<span data-value="([\w-]+)">[^<]*<\/span>/g, '\u0000<Value k="$1" />\u0001')
          .replace(/<br\s*\/?>/gi, "\u0000<br />\u0001")
          .replace(/<\/?[a-z]+(?:\s+lang="[A-Za-z-]+")?>/g, (tag) => (SAFE_TAG.test(tag) ? `\u0000${tag}\u0001` : tag))
          .replace(/<(https?:\/\/[^>\s]+)>/g, "\u0000[$1]($1)\u0001")
          .split(KEPT)
          .map((piece) => (piece.startsWith("\u0000") ? piece.slice(1, -1) : piece.replace(/[{}<]/g, (c) => `\\${c}`)))
          .join("");
      })
      .join("");
  };

  let frontmatter: ChapterFrontmatter | null = null;
  const meta = isRecord(nb.metadata.course) ? nb.metadata.course : {};
  if (isRecord(meta.frontmatter)) {
    const parsed = chapterSchema.safeParse(meta.frontmatter);
    if (!parsed.success)
      throw new NotebookError(
        `${options.name}: metadata.course.frontmatter: ${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message}`,
      );
    frontmatter = parsed.data;
  }

  // A notebook's title cell (course line, title, byline, and nothing else) becomes the frontmatter.
  let header: {
    course?: string;
    title?: string;
    byline?: string;
    credits: { creators: string[]; reviewers: string[]; editors: string[] };
  } | null = null;
  // (A cell of badges only, "Open in Colab", comes first in the course's notebooks: it is not the title.)
  const badgesOnly = (c: ReadCell) =>
    /^\s*(<a\s[^>]*>\s*<img\s[^>]*>\s*<\/a>\s*(&nbsp;)?\s*)+$/i.test(c.source) && /colab|kaggle/i.test(c.source);
  const firstMarkdown = nb.cells.find((c) => c.type === "markdown" && !badgesOnly(c));
  if (!frontmatter && firstMarkdown) {
    const lines = firstMarkdown.source
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    // The course's title cell: "# Tutorial 1: …", the course line and the byline in bold, then
    // the credits ("__Content creators:__ A, B"); or "# Course" and "## Title".
    const credit = /^(?:__|\*\*)([^_*]+?):?(?:__|\*\*)\s*:?\s*(.+)$/;
    if (lines.length && lines.every((l) => /^#{1,2} \S|^\*\*[^*]+\*\*$/.test(l) || credit.test(l))) {
      header = { credits: { creators: [], reviewers: [], editors: [] } };
      const twoLevels = lines.some((l) => l.startsWith("## "));
      for (const l of lines) {
        const c = credit.exec(l);
        if (l.startsWith("## ")) header.title ??= l.slice(3).trim();
        else if (l.startsWith("# ")) {
          if (twoLevels) header.course ??= l.slice(2).trim();
          else header.title ??= l.slice(2).trim();
        } else if (/^\*\*[^*]+\*\*$/.test(l)) {
          if (!twoLevels && header.course === undefined) header.course = l.slice(2, -2).trim();
          else header.byline ??= l.slice(2, -2).trim();
        } else if (c) {
          const names = c[2]!
            .split(/\s*,\s*|\s+and\s+/)
            .map((n) => n.trim())
            .filter(Boolean);
          const role = /review/i.test(c[1]!) ? "reviewers" : /creat|author/i.test(c[1]!) ? "creators" : "editors";
          header.credits[role].push(...names);
        }
      }
    }
  }

  for (const [at, cell] of nb.cells.entries()) {
    const marks = course(cell);
    if (marks.header) continue; // our export's title cell: the frontmatter says it again
    if (header && cell === firstMarkdown) continue;
    if (cell.type === "markdown" && badgesOnly(cell)) {
      reportCell(cell, "a Colab/Kaggle badge dropped (the site links to its own notebook)");
      continue;
    }
    const inSolution = Boolean(isRecord(cell.metadata.jupyter) && cell.metadata.jupyter.source_hidden) || marks.inSolution === true;
    if (cell.type === "markdown") {
      if (typeof marks.solution === "string") {
        closeSolution();
        solution = [];
        solutionFor = marks.solution;
        continue;
      }
      const text = markdown(cell);
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
    let lines = cell.source.replace(/\r\n?/g, "\n").trimEnd().split("\n");
    // What our export added for the notebook (a form line, the stand-in's lines) goes again.
    if (typeof marks.addedLines === "number" && marks.addedLines > 0) lines = lines.slice(0, -marks.addedLines);
    const title = /^\s*#\s*@title\s+(.*)$/.exec(lines[0] ?? "")?.[1]?.trim();
    if (marks.addedTitle === true && title !== undefined) lines = lines.slice(1);
    const code = lines.join("\n").trimEnd();
    if (!code) continue;
    const label = typeof marks.hidden === "string" ? marks.hidden : title;
    // The course's video cell, in its newer form (video_ids) or its older one (YouTubeVideo, BiliVideo).
    const video =
      /video_ids\s*=\s*\[\s*\(\s*'Youtube'\s*,\s*'([\w-]+)'\s*\)\s*,\s*\(\s*'Bilibili'\s*,\s*'([\w-]+)'\s*\)/.exec(code) ??
      (() => {
        const yt = /YouTubeVideo\(\s*id\s*=\s*["']([\w-]+)["']/.exec(code)?.[1];
        const bili = /BiliVideo\(\s*id\s*=\s*["']([\w-]+)["']/.exec(code)?.[1];
        return yt && bili ? ([code, yt, bili] as unknown as RegExpExecArray) : null;
      })();
    if (video) {
      videos++;
      // Our export keeps the source's title in the code and the page's in the metadata.
      const shown = typeof marks.videoTitle === "string" ? marks.videoTitle : title;
      push(`<Video id="video-${videos}" title=${attr(shown ?? `Video ${videos}`)} youtube="${video[1]}" bilibili="${video[2]}" />`);
      continue;
    }
    const feedback = /^(?:\s*#.*\n)*\s*content_review\(f"\{feedback_prefix\}_([\w-]+)"\)\s*$/.exec(code);
    if (feedback) {
      push(`<Feedback id="${feedback[1]}" />`);
      continue;
    }
    const interactive = /\binteract(?:ive)?\s*\(|@(?:widgets\.)?interact\b|widgets\.\w+Slider|\.observe\(/.test(code);
    // A widget cell whose figure follows (a cell our export marked) is the page's interactive cell already.
    const next = nb.cells[at + 1];
    const covered = next !== undefined && typeof course(next).cell === "string";
    const demo = interactive && !covered ? readWidgetDemo(code) : null;
    if (demo) {
      let id = demoCellId(demo.fn);
      for (let n = 2; demos.some((d) => d.id === id); n++) id = `${demoCellId(demo.fn)}-${n}`;
      demos.push({ id, demo, cellIndex: cell.index });
      report.push(
        `section ${section}: interactive demo (cell ${cell.index + 1}) scaffolded as cell "${id}" with ${demo.controls.length} control(s) (${demo.controls.map((c) => c.name).join(", ")}); its payload and drawing are left to write`,
      );
      for (const n of demo.notes) report.push(`  cell ${cell.index + 1}: ${n}`);
      push(`<Cell id="${id}" />`);
    } else if (interactive && !covered) {
      report.push(
        `section ${section}: interactive demo${label ? ` "${label}"` : ""} (cell ${cell.index + 1}) needs a cell module (chapters/<chapter>/) to run on the page`,
      );
      push(`**Interactive demo (cell ${cell.index + 1}): on this page it needs a cell module; its notebook code follows.**`);
    }
    const props = [
      label ? ` hidden=${attr(label)}` : "",
      typeof marks.output === "string" && /^[\w-]+$/.test(marks.output) ? ` output="${marks.output}"` : "",
    ].join("");
    const f = fence(code);
    push(`<CodeCell${props}>\n\n${f}python\n${code}\n${f}\n\n</CodeCell>`, inSolution);
    if (!marks.output && cell.outputText.trim()) {
      const printed = cell.outputText.trimEnd();
      push(`${fence(printed)}text\n${printed}\n${fence(printed)}`, inSolution);
    }
    // What the cell drew: each image beside the chapter, shown after the code as the notebook shows it.
    if (!marks.output)
      cell.outputImages.forEach((out, n) => {
        const name = `cell-${cell.index + 1}-output${cell.outputImages.length > 1 ? `-${n + 1}` : ""}.${IMAGE_TYPES[out.type]}`;
        const bytes = out.type === "image/svg+xml" ? Buffer.from(out.data, "utf8") : Buffer.from(out.data, "base64");
        if (bytes.byteLength > MAX_IMAGE_BYTES) {
          reportCell(cell, `an output image larger than 10 MB left out`);
          return;
        }
        const problem = imageProblem(IMAGE_TYPES[out.type]!, bytes);
        if (problem) throw new NotebookError(`${options.name}: cell ${cell.index + 1}: its output image ${problem}`);
        files.set(name, bytes);
        push(`![Output of cell ${cell.index + 1}](./${name})`, inSolution);
        reportCell(cell, `its output image kept as ${name}`);
      });
  }
  closeSolution();

  if (!frontmatter) {
    const first = header?.title ?? /^#{1,6} (.*?) \\\{#/m.exec(blocks.join("\n"))?.[1] ?? options.name.replace(/\.ipynb$/, "");
    const plain = (s: string) => s.replace(/\\([{}<])/g, "$1").replace(/[*_`]/g, "");
    // The first paragraph of prose (a list after it without a blank line is not part of it).
    const paragraph =
      blocks
        .flatMap((b) => b.split(/\n\s*\n/))
        .map((b) => b.split(/\n\s*(?:[-*+]|\d+[.)])\s/)[0]!)
        .find((b) => /^[\p{L}\p{N}]/u.test(b) && b.length > 20) ?? first;
    frontmatter = {
      title: plain(first).slice(0, 200),
      description: plain(paragraph).replace(/\s+/g, " ").slice(0, 300),
      course: plain(header?.course ?? first).slice(0, 200),
      ...(header?.byline ? { byline: plain(header.byline).slice(0, 200) } : {}),
      order: 1000,
      estimatedMinutes: 30,
      elapsed: {},
      credits: header?.credits ?? { creators: [], reviewers: [], editors: [] },
    };
    report.push(
      `frontmatter: made from the notebook's ${header ? "title cell" : "first heading"} and first paragraph; check title, description, course, order and estimatedMinutes`,
    );
  }
  const yaml = stringify(frontmatter, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", lineWidth: 0 }).trimEnd();
  return { mdx: `---\n${yaml}\n---\n\n${blocks.join("\n\n")}\n`, files, report, demos };
}
