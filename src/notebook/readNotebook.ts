import { CONTENT_LIMITS } from "../lib/content/limits.ts";

/** A notebook cell as the importer reads it (nbformat 4), checked. */
export interface ReadCell {
  readonly index: number;
  readonly type: "markdown" | "code" | "raw";
  readonly source: string;
  readonly metadata: Record<string, unknown>;
  /** Text printed by the cell (stream outputs and text/plain results), when it has any. */
  readonly outputText: string;
  /** Attachments: name -> MIME type -> base64. */
  readonly attachments: Record<string, Record<string, string>>;
  /** Images the cell drew (display_data / execute_result): MIME type and data (base64, or SVG text). */
  readonly outputImages: readonly { readonly type: string; readonly data: string }[];
  /** Outputs a page cannot show (a sound, a video), by what they are: the import says it left them out. */
  readonly unshown: readonly string[];
}

/** The image types a cell's output may hold that a chapter can show. */
const OUTPUT_IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/svg+xml"];

export interface ReadNotebook {
  readonly cells: readonly ReadCell[];
  readonly metadata: Record<string, unknown>;
}

/** The most a notebook file may weigh: a tutorial is a few MB; the rest would be output blobs. */
export const MAX_NOTEBOOK_BYTES = 32 * 1024 * 1024;
/** The most text (markdown and code) a notebook may hold: what a chapter file may (CONTENT_LIMITS.chapterBytes). */
export const MAX_NOTEBOOK_TEXT = CONTENT_LIMITS.chapterBytes;
/** The most cells a notebook may have. */
export const MAX_NOTEBOOK_CELLS = 5000;
/** The most of one cell's printed output kept as text (more is cut, and said so). */
export const MAX_OUTPUT_CHARS = 20_000;

/** A notebook that cannot be imported: one line naming the file and the problem. */
export class NotebookError extends Error {}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function text(value: unknown, where: string, what: string): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join("");
  throw new NotebookError(`${where}: ${what} is neither text nor a list of lines`);
}

/**
 * Reads an .ipynb file's text (nbformat 4), refusing in one line: not JSON, another nbformat,
 * a cell without a type or source. Outputs are read as text only (images and other data are
 * dropped), each cut at MAX_OUTPUT_CHARS.
 */
export function readNotebook(json: string, name: string): ReadNotebook {
  if (json.length > MAX_NOTEBOOK_BYTES)
    throw new NotebookError(`${name}: larger than ${MAX_NOTEBOOK_BYTES / 1024 / 1024} MB; clear its outputs first`);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new NotebookError(`${name}: not valid JSON (${(err as Error).message.slice(0, 120)})`);
  }
  if (!isRecord(raw)) throw new NotebookError(`${name}: not a notebook (expected a JSON object)`);
  if (raw.nbformat !== 4)
    throw new NotebookError(
      `${name}: nbformat ${String(raw.nbformat)} is not supported; convert it to version 4 (jupyter nbconvert --to notebook)`,
    );
  if (!Array.isArray(raw.cells)) throw new NotebookError(`${name}: has no list of cells`);
  if (raw.cells.length > MAX_NOTEBOOK_CELLS)
    throw new NotebookError(`${name}: has ${raw.cells.length} cells; a chapter may come from at most ${MAX_NOTEBOOK_CELLS}`);
  let textLength = 0;
  const cells = raw.cells.map((cell: unknown, index): ReadCell => {
    const where = `${name}: cell ${index + 1}`;
    if (!isRecord(cell)) throw new NotebookError(`${where}: not an object`);
    const type = cell.cell_type;
    if (type !== "markdown" && type !== "code" && type !== "raw")
      throw new NotebookError(`${where}: unknown cell_type "${String(type).slice(0, 40)}"`);
    if (!("source" in cell)) throw new NotebookError(`${where}: has no source`);
    const source = text(cell.source, where, "its source");
    textLength += source.length;
    if (textLength > MAX_NOTEBOOK_TEXT)
      throw new NotebookError(`${where}: the notebook's text passes ${MAX_NOTEBOOK_TEXT / 1024 / 1024} MB, more than a chapter may hold`);
    let outputText = "";
    const outputImages: { type: string; data: string }[] = [];
    const unshown: string[] = [];
    if (type === "code" && Array.isArray(cell.outputs))
      for (const out of cell.outputs) {
        if (!isRecord(out)) continue;
        // A sound or a video (IPython.display.Audio/Video: an <audio>/<video> element, or the media itself).
        if ((out.output_type === "execute_result" || out.output_type === "display_data") && isRecord(out.data)) {
          const data = out.data;
          const html = typeof data["text/html"] === "string" || Array.isArray(data["text/html"]) ? [data["text/html"]].flat().join("") : "";
          const media = Object.keys(data).find((k) => /^(audio|video)\//.test(k)) ?? /<(audio|video)\b/i.exec(html)?.[1];
          if (media) {
            unshown.push(media.startsWith("video") ? "a video" : "a sound");
            continue;
          }
        }
        const image =
          (out.output_type === "execute_result" || out.output_type === "display_data") && isRecord(out.data)
            ? OUTPUT_IMAGE_TYPES.find((t) => t in (out.data as Record<string, unknown>))
            : undefined;
        if (out.output_type === "stream" && "text" in out) outputText += text(out.text, where, "an output");
        // A drawing's text/plain ("<Figure size 640x480 with 1 Axes>") is not printed output: the image is.
        // (A figure our export put there, marked with its cell, comes back as that <Cell>, not as an image.)
        else if (image && isRecord(out.metadata) && isRecord(out.metadata.course) && typeof out.metadata.course.cell === "string") continue;
        else if (image)
          outputImages.push({ type: image, data: text((out.data as Record<string, unknown>)[image], where, "an output image") });
        else if (
          (out.output_type === "execute_result" || out.output_type === "display_data") &&
          isRecord(out.data) &&
          "text/plain" in out.data
        )
          outputText += `${text(out.data["text/plain"], where, "an output")}\n`;
        if (outputText.length > MAX_OUTPUT_CHARS) {
          outputText = `${outputText.slice(0, MAX_OUTPUT_CHARS)}\n[…]`;
          break;
        }
      }
    const attachments: Record<string, Record<string, string>> = {};
    if (isRecord(cell.attachments))
      for (const [file, bundle] of Object.entries(cell.attachments))
        if (isRecord(bundle))
          attachments[file] = Object.fromEntries(Object.entries(bundle).filter((e): e is [string, string] => typeof e[1] === "string"));
    return { index, type, source, metadata: isRecord(cell.metadata) ? cell.metadata : {}, outputText, attachments, outputImages, unshown };
  });
  return { cells, metadata: isRecord(raw.metadata) ? raw.metadata : {} };
}
