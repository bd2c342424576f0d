import { imageProblem } from "../../lib/content/imageFile.ts";
import { printable } from "../../lib/text/printable.ts";
import type { ImageResult } from "./htmlToMdx.ts";
import { NotebookError, type ReadCell } from "../readNotebook.ts";

export const IMAGE_TYPES: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/svg+xml": "svg",
  "image/webp": "webp",
};
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * The images a notebook brings to its chapter, copied beside it: attachments, files of the
 * notebook's folder, drawn outputs. A remote image becomes a link (chapters show no remote
 * images); one that cannot be copied is named in its place. Every image is checked to be what it
 * says (an SVG without script) before it is kept.
 */
export class ChapterImages {
  readonly files = new Map<string, Uint8Array>();

  private readonly notebook: string;
  private readonly readRelative: (path: string) => Uint8Array | null;

  constructor(notebook: string, readRelative: (path: string) => Uint8Array | null) {
    this.notebook = notebook;
    this.readRelative = readRelative;
  }

  /** What an image the notebook shows (`![alt](target)`, `<img>`) becomes. */
  fromNotebook(cell: ReadCell, alt: string, target: string): ImageResult {
    if (/^https?:\/\//i.test(target))
      return {
        kind: "link",
        url: target,
        text: alt || `image: ${decodeURIComponent(target.replace(/[?#].*$/, "").replace(/^.*\//, "")) || target}`,
      };
    let bytes: Uint8Array | null;
    let name: string;
    if (target.startsWith("attachment:")) {
      const bundle = cell.attachments[target.slice("attachment:".length)];
      const type = bundle ? Object.keys(bundle).find((t) => IMAGE_TYPES[t]) : undefined;
      if (!bundle || !type) return { kind: "note", text: `[${alt || "image"}: ${target} is not in the notebook]` };
      bytes = Buffer.from(bundle[type]!, "base64");
      name = this.freeName(target.slice("attachment:".length).replace(/\.[^.]*$/, ""), IMAGE_TYPES[type]!, bytes);
    } else {
      if (/(^|\/)\.\.(\/|$)|^\/|^[a-z]+:/i.test(target))
        return { kind: "note", text: `[${alt || "image"}: ${target} is outside the notebook's folder]` };
      bytes = this.readRelative(target);
      const ext = /\.(png|jpe?g|gif|svg|webp)$/i.exec(target)?.[1]?.toLowerCase();
      if (!bytes || !ext) return { kind: "note", text: `[${alt || "image"}: ${target} could not be copied]` };
      name = this.freeName(target.replace(/^.*\//, "").replace(/\.[^.]*$/, ""), ext, bytes);
    }
    if (bytes.byteLength > MAX_IMAGE_BYTES) return { kind: "note", text: `[${alt || "image"}: ${name} is larger than 10 MB]` };
    this.keep(name, bytes, `cell ${cell.index + 1}: image ${printable(target, 60)}`);
    return { kind: "image", url: `./${name}`, alt };
  }

  /** The same, as Markdown. */
  markdown(cell: ReadCell, alt: string, target: string): string {
    const result = this.fromNotebook(cell, alt, target);
    if (result.kind === "image") return `![${result.alt}](${result.url})`;
    if (result.kind === "link") return `[${result.text}](${result.url})`;
    return `*${result.text}*`;
  }

  /** A drawn output kept beside the chapter as `cell-<n>-output[-k].<ext>`; its file name, or null when too large. */
  output(cell: ReadCell, out: { readonly type: string; readonly data: string }, n: number): string | null {
    const name = `cell-${cell.index + 1}-output${cell.outputImages.length > 1 ? `-${n + 1}` : ""}.${IMAGE_TYPES[out.type]}`;
    const bytes = out.type === "image/svg+xml" ? Buffer.from(out.data, "utf8") : Buffer.from(out.data, "base64");
    if (bytes.byteLength > MAX_IMAGE_BYTES) return null;
    this.keep(name, bytes, `cell ${cell.index + 1}: its output image`);
    return name;
  }

  /**
   * A file name beside the chapter for an image (content's one rule: letters, digits, - and _,
   * one dot, its extension), not yet taken by another image of the notebook.
   */
  private freeName(base: string, ext: string, bytes: Uint8Array): string {
    const stem =
      base
        .replace(/[^A-Za-z0-9_-]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 56) || "image";
    for (let n = 1; ; n++) {
      const name = `${stem}${n > 1 ? `-${n}` : ""}.${ext}`;
      const taken = this.files.get(name);
      if (!taken || Buffer.compare(taken, bytes) === 0) return name;
    }
  }

  private keep(name: string, bytes: Uint8Array, what: string): void {
    // An image is published as it is: it must be the image it says (an SVG without script).
    const problem = imageProblem(name.replace(/^.*\./, ""), bytes);
    if (problem) throw new NotebookError(`${this.notebook}: ${what} ${problem}`);
    this.files.set(name, bytes);
  }
}
