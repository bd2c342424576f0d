import { stringify } from "yaml";
import { chapterSchema, type ChapterFrontmatter } from "../lib/content/frontmatter.ts";
import { imageProblem } from "../lib/content/imageFile.ts";
import { printable } from "../lib/text/printable.ts";
import { NotebookError, type ReadCell, type ReadNotebook } from "./readNotebook.ts";

/** A notebook turned into a chapter: its MDX, the images to put beside it, and what needs a person. */
export interface ImportedChapter {
  readonly mdx: string;
  /** File name (beside index.mdx) -> bytes. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** One line per thing the notebook had that the page cannot do by itself. */
  readonly report: readonly string[];
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
  const image = (cell: ReadCell, alt: string, target: string): string => {
    if (/^https?:\/\//i.test(target)) return `[${alt || target}](${target})`;
    let bytes: Uint8Array | null = null;
    let name: string;
    if (target.startsWith("attachment:")) {
      const bundle = cell.attachments[target.slice("attachment:".length)];
      const type = bundle ? Object.keys(bundle).find((t) => IMAGE_TYPES[t]) : undefined;
      if (!bundle || !type) return `*[${alt || "image"}: ${target} is not in the notebook]*`;
      bytes = Buffer.from(bundle[type]!, "base64");
      const base =
        target
          .slice("attachment:".length)
          .replace(/\.[^.]*$/, "")
          .replace(/[^\w-]+/g, "-") || "image";
      name = `${base}.${IMAGE_TYPES[type]}`;
    } else {
      if (/(^|\/)\.\.(\/|$)|^\/|^[a-z]+:/i.test(target)) return `*[${alt || "image"}: ${target} is outside the notebook's folder]*`;
      bytes = options.readRelative(target);
      name = target.replace(/^.*\//, "").replace(/[^\w.-]+/g, "-");
      if (!bytes || !/\.(png|jpe?g|gif|svg|webp)$/i.test(name)) return `*[${alt || "image"}: ${target} could not be copied]*`;
    }
    if (bytes.byteLength > MAX_IMAGE_BYTES) return `*[${alt || "image"}: ${name} is larger than 10 MB]*`;
    // An image is published as it is: it must be the image it says (an SVG without script).
    const problem = imageProblem(name.replace(/^.*\./, ""), bytes);
    if (problem) throw new NotebookError(`${options.name}: cell ${cell.index + 1}: image ${printable(target, 60)} ${problem}`);
    files.set(name, bytes);
    return `![${alt}](./${name})`;
  };

  /** Markdown made safe for MDX, outside code and maths; headings get ids. */
  const markdown = (cell: ReadCell): string => {
    const out: string[] = [];
    let inFence: string | null = null;
    let inMath = false;
    for (const line of cell.source.replace(MARKERS, "").replace(/\r\n?/g, "\n").split("\n")) {
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
  let header: { course?: string; title?: string; byline?: string } | null = null;
  const firstMarkdown = nb.cells.find((c) => c.type === "markdown");
  if (!frontmatter && firstMarkdown) {
    const lines = firstMarkdown.source
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length && lines.every((l) => /^#{1,2} \S|^\*\*[^*]+\*\*$/.test(l))) {
      header = {};
      for (const l of lines) {
        if (l.startsWith("## ")) header.title ??= l.slice(3).trim();
        else if (l.startsWith("# ")) header.course ??= l.slice(2).trim();
        else header.byline ??= l.slice(2, -2).trim();
      }
    }
  }

  for (const [at, cell] of nb.cells.entries()) {
    const marks = course(cell);
    if (marks.header) continue; // our export's title cell: the frontmatter says it again
    if (header && cell === firstMarkdown) continue;
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
    const video = /video_ids\s*=\s*\[\s*\(\s*'Youtube'\s*,\s*'([\w-]+)'\s*\)\s*,\s*\(\s*'Bilibili'\s*,\s*'([\w-]+)'\s*\)/.exec(code);
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
    if (interactive && !covered) {
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
  }
  closeSolution();

  if (!frontmatter) {
    const first = header?.title ?? /^#{1,6} (.*?) \\\{#/m.exec(blocks.join("\n"))?.[1] ?? options.name.replace(/\.ipynb$/, "");
    const plain = (s: string) => s.replace(/\\([{}<])/g, "$1").replace(/[*_`]/g, "");
    const paragraph = blocks.find((b) => /^[^#<`*-]/.test(b) && b.length > 20) ?? first;
    frontmatter = {
      title: plain(first).slice(0, 200),
      description: plain(paragraph).replace(/\s+/g, " ").slice(0, 300),
      course: plain(header?.course ?? first).slice(0, 200),
      ...(header?.byline ? { byline: plain(header.byline).slice(0, 200) } : {}),
      order: 1000,
      estimatedMinutes: 30,
      elapsed: {},
      credits: { creators: [], reviewers: [], editors: [] },
    };
    report.push(
      `frontmatter: made from the notebook's ${header ? "title cell" : "first heading"} and first paragraph; check title, description, course, order and estimatedMinutes`,
    );
  }
  const yaml = stringify(frontmatter, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", lineWidth: 0 }).trimEnd();
  return { mdx: `---\n${yaml}\n---\n\n${blocks.join("\n\n")}\n`, files, report };
}
