import { readFileSync } from "node:fs";
import { dirname, posix } from "node:path";
import { CONTENT_LIMITS } from "../lib/content/limits.ts";
import { alignTranslation } from "./alignTranslation.ts";
import { NotebookError, readNotebook } from "./readNotebook.ts";
import { notebookToMdx, type ImportedChapter } from "./toMdx.ts";
import { readInside } from "../checks/chapterImages.ts";
import type { FrontmatterFields } from "../lib/content/frontmatter.ts";

/** What importing a notebook makes: the chapter's MDX, its images, the report, or why it cannot. */
export type NotebookImport =
  | { readonly mdx: string; readonly files: [string, Uint8Array][]; readonly report: string[]; readonly demos: ImportedChapter["demos"] }
  | { readonly refused: string };

/**
 * Reads a notebook file and turns it into a chapter (lined up with `sourceMdx` when it is a
 * translation): the importer's work on an untrusted file, run by import-notebook in a bounded
 * thread. Images come only from plain files of the notebook's folder, within the image limit.
 */
export function importNotebookFile(
  path: string,
  name: string,
  sourceMdx: string | null,
  sourceFile: string,
  fields: FrontmatterFields = {},
): NotebookImport {
  const folder = dirname(path);
  try {
    const imported = notebookToMdx(readNotebook(readFileSync(path, "utf8"), name), {
      name,
      fields,
      readRelative: (p) => {
        const read = readInside(folder, posix.normalize(p), CONTENT_LIMITS.imageBytes);
        return read instanceof Uint8Array ? read : null;
      },
    });
    let mdx = imported.mdx;
    if (sourceMdx !== null) {
      const aligned = alignTranslation(sourceMdx, mdx);
      if (!aligned.ok) return { refused: `${name}: does not line up with ${sourceFile}: ${aligned.problems.join("; ")}` };
      mdx = aligned.mdx;
    }
    return { mdx, files: [...imported.files], report: [...imported.report], demos: imported.demos };
  } catch (err) {
    if (err instanceof NotebookError) return { refused: err.message };
    throw err;
  }
}
