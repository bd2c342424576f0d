import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { corpusNotebook } from "../fixtures/notebooks/corpus.ts";
import { usualNotebook } from "../fixtures/notebooks/usual.ts";
import { runHere } from "./commands.ts";

/** The chapters the notebook tests import, and the chapter each becomes in the notebooks' site. */
export const IMPORTED = {
  /** tests/fixtures/notebooks/corpus.ts: the constructs of the course's published notebooks. */
  corpus: "w9d9/tutorial1",
  /** tests/fixtures/notebooks/usual.ts: a short notebook in the course's usual form. */
  usual: "w9d9/tutorial9",
} as const;

/**
 * The course as a new author makes it from notebooks (the "notebooks" site of
 * tests/helpers/sites.ts): Tutorial 1 and its module left out, each fixture notebook imported
 * in English and then in Japanese with the import command, as an author runs it.
 */
export async function prepareNotebookSite(dir: string): Promise<void> {
  for (const locale of ["en", "ja"]) rmSync(join(dir, "content", locale, "w1d1"), { recursive: true, force: true });
  rmSync(join(dir, "chapters/w1d1"), { recursive: true, force: true });
  const notebooks = [
    [IMPORTED.corpus, (locale: "en" | "ja") => corpusNotebook(locale)],
    [IMPORTED.usual, (locale: "en" | "ja") => usualNotebook(locale === "ja")],
  ] as const;
  for (const [chapter, notebook] of notebooks)
    for (const locale of ["en", "ja"] as const) {
      const file = join(dir, `${chapter.replace("/", "-")}-${locale}.ipynb`);
      writeFileSync(file, JSON.stringify(notebook(locale)));
      const r = await runHere("import-notebook", [file, "--chapter", chapter, "--locale", locale, "--root", dir]);
      if (r.code !== 0) throw new Error(`importing ${file} for the notebooks' site failed:\n${r.stderr}`);
      rmSync(file);
    }
}
