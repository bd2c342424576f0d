import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ContentTree } from "../translation/status/contentTree.ts";
import { courseOfRoot } from "../course/courseFile.ts";
import { runBounded } from "../checks/bounded.ts";
import { checkChapterTexts } from "../checks/checkCourse.ts";
import { CONTENT_LIMITS } from "../lib/content/limits.ts";
import { writeFileAtomic } from "../lib/fs/atomicWrite.ts";
import { formatProvenance } from "../translation/model/provenance.ts";
import { sectionHash, splitSections } from "../translation/model/sections.ts";
import { MAX_NOTEBOOK_BYTES, NotebookError } from "./readNotebook.ts";
import type { NotebookImport } from "./notebookImport.ts";
import { SCAFFOLD_MARK, scaffoldCell, scaffoldChapter, scaffoldStrings } from "./import/widgetScaffold.ts";
import { UsageError, type Command } from "../lib/cli/runCli.ts";
import { chapterPathProblem } from "../lib/content/contentPaths.ts";
import { matchLocale } from "../translation/locales.ts";
import { formatProblem } from "../lib/problem.ts";

/** How long converting one notebook may take (a long tutorial takes well under a second). */
const NOTEBOOK_MS = 20_000;

const USAGE = "usage: npm run import:notebook -- <file.ipynb> --chapter <path> --locale <locale> [--force] [--root <project>]";
const HELP = `
Writes content/<locale>/<chapter>/index.mdx from a Jupyter notebook (nbformat 4): markdown as
MDX, headings with stable ids, # @title cells as hidden code cells, the course's video and
feedback cells as <Video> and <Feedback>, printed text as static blocks, images beside the
chapter. Widget cells become marked placeholders, listed in the report (they need a cell
module). A notebook in another locale for a chapter whose source exists is lined up with the
source section by section: it takes the source's ids and is recorded as current; when a section
does not line up, nothing is written and the sections are listed.
Never overwrites a chapter without --force.`;

/** `npm run import:notebook` (scripts/import-notebook.ts runs it). */
export const importNotebookCommand: Command = {
  usage: USAGE,
  main: async (terminal) => {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...terminal.args],
        allowPositionals: true,
        options: {
          chapter: { type: "string" },
          locale: { type: "string" },
          force: { type: "boolean" },
          root: { type: "string" },
          help: { type: "boolean", short: "h" },
        },
      });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      terminal.out(`${USAGE}\n${HELP}\n`);
      return;
    }
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError("give one notebook file");
    const chapter = values.chapter;
    if (!chapter) throw new UsageError("give the chapter's path with --chapter, lower-case words and slashes (week2/intro)");
    const root = resolve(values.root ?? resolve(import.meta.dirname, "../.."));
    const course = await courseOfRoot(root);
    const tree = new ContentTree(root, course.sourceLocale, course.typography, undefined, course.frontmatter);
    const pathProblem = chapterPathProblem(chapter, (name) => matchLocale(name, tree.locales()) !== undefined);
    if (pathProblem) throw new UsageError(`--chapter: ${pathProblem}`);
    const locale = values.locale;
    if (!locale || !tree.locales().includes(locale))
      throw new UsageError(`give one of the course's locales with --locale (${tree.locales().join(", ")})`);
    const path = resolve(terminal.cwd, file);
    if (!existsSync(path)) throw new UsageError(`${file}: no such file`);
    if (statSync(path).size > MAX_NOTEBOOK_BYTES)
      throw new NotebookError(`${file}: larger than ${MAX_NOTEBOOK_BYTES / 1024 / 1024} MB; clear its outputs first`);
    const target = tree.file(locale, chapter);
    if (existsSync(join(tree.root, target)) && !values.force) throw new UsageError(`${target} exists: give --force to replace it`);

    // A translation of an existing source chapter: its sections line up with the source's, or nothing is written.
    const sourceMdx = locale !== tree.sourceLocale ? tree.read(tree.file(tree.sourceLocale, chapter)) : null;
    // The notebook is read and converted in a thread bounded in time and memory, whatever it holds.
    const [outcome] = await runBounded<unknown[], NotebookImport>({
      module: join(import.meta.dirname, "notebookImport.ts"),
      fn: "importNotebookFile",
      jobs: [[path, file, sourceMdx, tree.file(tree.sourceLocale, chapter), course.frontmatter]],
      ms: NOTEBOOK_MS,
      heapMb: CONTENT_LIMITS.checkHeapMb,
    });
    if (!outcome || "overrun" in outcome)
      throw new NotebookError(
        `${file}: ${outcome?.overrun === "memory" ? `needs more than ${CONTENT_LIMITS.checkHeapMb} MB to import` : `takes longer than ${NOTEBOOK_MS / 1000} s to import`}, so it is refused`,
      );
    const imported = outcome.result;
    if ("refused" in imported) throw new NotebookError(imported.refused);
    const mdx = imported.mdx;
    const writes: { file: string; data: string | Uint8Array }[] = [];
    if (sourceMdx !== null) {
      const sections = splitSections(sourceMdx).sections;
      const provenance = { source: tree.sourceLocale, sections: Object.fromEntries(sections.map((s) => [s.id, sectionHash(s.text)])) };
      writes.push({ file: tree.provenanceFile(locale, chapter), data: formatProvenance(provenance) });
    }
    // What the build will refuse is refused here, before anything is written: the same checks, bounded the same way.
    const sourceFile = locale !== tree.sourceLocale ? tree.file(tree.sourceLocale, chapter) : null;
    const refused = await checkChapterTexts([
      [tree.root, target, mdx, null, sourceFile, Object.fromEntries(imported.files), course.frontmatter],
    ]);
    if (refused.length) throw new NotebookError(`${file}: the chapter it makes is not allowed: ${refused.map(formatProblem).join("; ")}`);
    writes.unshift({ file: target, data: mdx });
    // Widget demos become cell modules to fill in, in a chapter module the import makes (or made
    // before: it says so in its first lines); a module an author wrote is never touched.
    const moduleFile = `chapters/${chapter}/chapter.ts`;
    const existing = tree.read(moduleFile);
    const ours = existing === null || existing.includes(SCAFFOLD_MARK);
    if (imported.demos.length && locale === tree.sourceLocale) {
      if (ours) {
        for (const d of imported.demos)
          writes.push({
            file: `chapters/${chapter}/${d.id}.cell.ts`,
            data: scaffoldCell(d.demo, d.id, d.cellIndex, `chapters/${chapter}/${d.id}.cell.ts`),
          });
        writes.push({ file: moduleFile, data: scaffoldChapter(imported.demos.map((d) => ({ id: d.id, file: `${d.id}.cell.ts` }))) });
        const stringsFile = `chapters/${chapter}/strings/${locale}.json`;
        const strings = Object.assign({}, ...imported.demos.map((d) => scaffoldStrings(d.demo))) as Record<string, string>;
        writes.push({ file: stringsFile, data: `${JSON.stringify(strings, null, 2)}\n` });
      } else {
        // Only the demos the author's module does not have yet (by its cell file, or its id in the module).
        const has = (id: string) => tree.read(`chapters/${chapter}/${id}.cell.ts`) !== null || existing.includes(`"${id}"`);
        const missing = imported.demos.filter((d) => !has(d.id));
        imported.report.push(
          missing.length
            ? `${moduleFile} exists and was written by hand: add the cell(s) ${missing.map((d) => `"${d.id}"`).join(", ")} to it (AUTHORING.md)`
            : `${moduleFile} exists and was written by hand: it has the cell(s) ${imported.demos.map((d) => `"${d.id}"`).join(", ")} already`,
        );
      }
    }
    for (const [name, bytes] of imported.files) writes.push({ file: join(dirname(target), name), data: bytes });
    for (const w of writes) writeFileAtomic(join(tree.root, w.file), w.data);
    const sections = splitSections(mdx).sections.length;
    terminal.out(
      `wrote ${target}: ${sections} section(s)${imported.files.length ? `, ${imported.files.length} image(s)` : ""}${sourceMdx !== null ? `, recorded as translating the current ${tree.sourceLocale} text` : ""}\n`,
    );
    for (const line of imported.report) terminal.out(`  ${line}\n`);
  },
};
