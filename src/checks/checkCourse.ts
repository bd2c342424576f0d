import { existsSync, lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ChapterIds } from "../lib/content/components.ts";
import { CONTENT_LIMITS } from "../lib/content/limits.ts";
import { printable } from "../lib/text/printable.ts";
import type { z } from "astro/zod";
import { schemaIssues } from "../lib/schemaIssues.ts";
import { runBounded, type Overrun } from "./bounded.ts";
import { checkChapterText, courseImagesProblem, parseOnly, readContributedText, type ChapterTextCheck } from "./chapterFile.ts";
import type { FrontmatterFields } from "../lib/content/frontmatter.ts";
import { ReadCache } from "./readCache.ts";
import type { DiscoveredChapter } from "../course/chapterModel.ts";
import { locales, localeSpellingProblems, matchLocale, UI_STRINGS_DIR, uiStringsFile } from "../translation/locales.ts";
import { chapterPathProblem, contentNameProblem } from "../lib/content/contentPaths.ts";
import { readStringFolder } from "../translation/strings/stringFiles.ts";
import { messageProblem } from "../translation/strings/messageFormat.ts";
import { droppedPluralNumbers, placeholderList, placeholderMismatches, type StringTable } from "../translation/strings/strings.ts";
import { chapterFilePath, contentEntries, listChapterFiles } from "../lib/content/chapterFiles.ts";
import { problemAt, type Problem } from "../lib/problem.ts";

export { readFrontmatter } from "./chapterFile.ts";

/**
 * What is wrong with content/ as a tree, before any file is read: a symbolic
 * link anywhere (it can point anywhere on the build machine), a file or folder name outside the
 * one rule, and a chapter whose path would take a route of the site or a language's folder.
 */
export function contentTreeProblems(root: string, locales: readonly string[]): Problem[] {
  const content = join(root, "content");
  if (!existsSync(content)) return [];
  if (lstatSync(content).isSymbolicLink())
    return [problemAt("content", "is a symbolic link; the course's content must be plain folders and files")];
  const problems: Problem[] = [];
  const isLocale = (name: string) => matchLocale(name, locales) !== undefined;
  const refused: string[] = [];
  for (const path of contentEntries(root)) {
    // What is inside a refused folder is refused with it.
    if (refused.some((folder) => path.startsWith(`${folder}/`))) continue;
    const stat = lstatSync(join(content, path));
    const parts = path.split("/");
    const shown = `content/${printable(path, 120)}`;
    if (stat.isSymbolicLink()) {
      problems.push(problemAt(shown, "is a symbolic link; contributed files must be plain files"));
      continue;
    }
    // A locale's folder is named by its tag (checked with the locales); the glossary by the course.
    if (parts.length === 1 && (stat.isDirectory() || path === "glossary.yaml")) continue;
    const name = contentNameProblem(parts.at(-1)!, stat.isDirectory());
    if (name) {
      problems.push(problemAt(shown, name));
      refused.push(path);
    } else if (parts.length === 2 && parts[1] === "index.mdx")
      problems.push(
        problemAt(
          shown,
          `a chapter is a folder of its own (content/${printable(parts[0]!, 20)}/<chapter>/index.mdx); this path is the language's home page`,
          { line: 1 },
        ),
      );
    else if (parts.length > 2 && parts.at(-1) === "index.mdx") {
      const chapter = chapterPathProblem(parts.slice(1, -1).join("/"), isLocale);
      if (chapter) problems.push(problemAt(shown, chapter, { line: 1 }));
    }
  }
  return problems;
}

/** Problems of a chapter module folder itself: browser code for each interactive cell, ids that match file names. */
export function checkChapterModule(chapter: DiscoveredChapter): Problem[] {
  const problems: Problem[] = [...chapter.stringProblems];
  const ids = new Set<string>();
  for (const { view } of chapter.cells) {
    if (ids.has(view.id)) problems.push(problemAt(chapter.file, `two cells have the id "${view.id}"`));
    ids.add(view.id);
    if (view.interaction && !chapter.views.has(view.id))
      problems.push(
        problemAt(chapter.file, `cell "${view.id}" is interactive, but its browser code is missing`, {
          hint: `write it as the default export of ${chapter.file.replace(/chapter\.ts$/, `${view.id}.cell.ts`)}`,
        }),
      );
  }
  for (const [name, { file, view }] of chapter.views) {
    if (view.id !== name)
      problems.push(problemAt(file, `its default export is cell "${view.id}"; the file must be named after the cell (${view.id}.cell.ts)`));
  }
  return problems;
}

/** What a chapter's MDX may refer to, from its module (the elapsed times come from each file's own frontmatter). */
export function chapterIds(chapter: DiscoveredChapter | undefined): ChapterIds {
  const definition = chapter?.definition;
  return {
    cells: chapter?.cells.map((c) => c.view.id) ?? [],
    outputs: Object.keys(definition?.outputs ?? {}),
    values: Object.keys(definition?.values ?? {}),
    elapsed: [],
  };
}

/** One chapter file to check: what it may refer to and, for a translation, its source (for images it shares). */
export type ChapterCheck = [root: string, file: string, ids: ChapterIds | null, sourceFile: string | null, fields?: FrontmatterFields];

/** A chapter's text to check (a file read, or an import's result not yet written). */
type TextCheck = [
  root: string,
  file: string,
  text: string,
  ids: ChapterIds | null,
  sourceFile: string | null,
  pending?: Readonly<Record<string, Uint8Array>>,
  fields?: FrontmatterFields,
];

export interface ReadLimits {
  readonly ms: number;
  readonly heapMb: number;
}
const LIMITS: ReadLimits = { ms: CONTENT_LIMITS.checkMs, heapMb: CONTENT_LIMITS.checkHeapMb };

// The work on each text, run in the bounded thread (an absolute path: the code's, not the
// course's), and the read cache: made when first needed (a page that imports this module for
// another export, bundled elsewhere, never makes them).
const chapterFileModule = () => join(import.meta.dirname, "chapterFile.ts");
let cache: ReadCache | null = null;
const readCache = () => (cache ??= new ReadCache(join(import.meta.dirname, "../..")));

const overrunProblem = (file: string, why: Overrun, limits: ReadLimits): Problem =>
  why === "time"
    ? problemAt(file, `takes longer than ${limits.ms / 1000} s to read, so it is refused`, {
        hint: "simplify its nesting, emphasis or components",
      })
    : problemAt(file, `needs more than ${limits.heapMb} MB of memory to read, so it is refused`);

/**
 * Runs `fn` of chapterFile.ts on each text: in process when that exact text was read within
 * the limits before (the read cache), otherwise in a thread bounded in time and memory, where
 * a text that overruns gives one refusal. No text, however it is made, can hold the
 * build or a tool up or exhaust the machine.
 */
async function boundedTextWork(
  fn: "checkChapterText" | "parseOnly",
  checks: readonly TextCheck[],
  limits: ReadLimits,
): Promise<ChapterTextCheck[]> {
  const run = (c: TextCheck): ChapterTextCheck =>
    fn === "parseOnly" ? { problems: parseOnly(c[2], c[1]), images: {} } : checkChapterText(...c);
  const results: ChapterTextCheck[] = [];
  const fresh = checks.filter((c) => !readCache().has(c[2]));
  const bounded = await runBounded<unknown[], Problem[] | ChapterTextCheck>({
    module: chapterFileModule(),
    fn,
    jobs: fresh.map((c) => (fn === "parseOnly" ? [c[2], c[1]] : c)),
    ...limits,
  });
  const byCheck = new Map(fresh.map((c, i) => [c, bounded[i]!]));
  for (const c of checks) {
    const done = byCheck.get(c);
    if (done === undefined) results.push(run(c));
    else if ("overrun" in done) results.push({ problems: [overrunProblem(c[1], done.overrun, limits)], images: {} });
    else {
      readCache().add(c[2]);
      results.push(Array.isArray(done.result) ? { problems: done.result, images: {} } : done.result);
    }
  }
  return results;
}

/** Problems of several checks, with the course's limit on the pixels of all their images (each file once). */
function allProblems(results: readonly ChapterTextCheck[]): Problem[] {
  const tooMuch = courseImagesProblem(Object.assign({}, ...results.map((r) => r.images)) as Record<string, number>);
  return [...results.flatMap((r) => r.problems), ...(tooMuch ? [tooMuch] : [])];
}

/** Reads each chapter file as a contributed file (size, plain file, UTF-8): its text, or its refusal. */
function readChecks(checks: readonly ChapterCheck[]): { texts: TextCheck[]; refused: Problem[] } {
  const texts: TextCheck[] = [];
  const refused: Problem[] = [];
  for (const [root, file, ids, sourceFile, fields] of checks) {
    const read = readContributedText(root, file, CONTENT_LIMITS.chapterBytes);
    if ("problem" in read) refused.push(read.problem);
    else texts.push([root, file, read.text, ids, sourceFile, {}, fields ?? {}]);
  }
  return { texts, refused };
}

/**
 * Checks chapter files (frontmatter, syntax, limits, policy, ids, images), each read as a
 * contributed file and checked in bounded time and memory: one that would overrun is refused. The images of all the files together are within the course's limit.
 */
export async function checkChapterFiles(
  checks: readonly ChapterCheck[],
  limits: ReadLimits = LIMITS,
  warn?: (warning: Problem) => void,
): Promise<Problem[]> {
  const { texts, refused } = readChecks(checks);
  const results = await boundedTextWork("checkChapterText", texts, limits);
  for (const r of results) for (const w of r.warnings ?? []) warn?.(w);
  return [...refused, ...allProblems(results)];
}

/**
 * A chapter's text not yet written (an import's result), checked as the build would check the
 * file: same limits, same problems; `warn` hears what the build would warn of.
 */
export async function checkChapterTexts(checks: readonly TextCheck[], warn?: (warning: Problem) => void): Promise<Problem[]> {
  const results = await boundedTextWork("checkChapterText", checks, LIMITS);
  for (const r of results) for (const w of r.warnings ?? []) warn?.(w);
  return allProblems(results);
}

/**
 * The chapter files (relative to the root) that no tool may work on: a link, not
 * UTF-8, over the size limit, or a text whose syntax tree takes longer or more memory to build
 * than allowed. The translators' commands stop on any.
 */
export async function refusedChapterFiles(root: string, files: readonly string[]): Promise<Problem[]> {
  const { texts, refused } = readChecks(files.map((file): ChapterCheck => [root, file, null, null]));
  return [
    ...contentTreeProblems(root, locales(root)),
    ...refused,
    ...(await boundedTextWork("parseOnly", texts, LIMITS)).flatMap((r) => r.problems),
  ];
}

/** The line of a strings file (relative to root) where a key is written, for messages; undefined when it cannot be told. */
export function keyLine(root: string, file: string, key: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(join(root, file), "utf8");
  } catch {
    return undefined;
  }
  const at = text.search(new RegExp(`${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*:`));
  return at < 0 ? undefined : text.slice(0, at).split("\n").length;
}

/**
 * Problems of every locale's strings in one layer, each at the file and the key's line: a string that is not a valid ICU message, placeholders that differ from the source
 * locale's (named: `{數量}` for `{count}`), and a plural whose forms drop the number the
 * source's shows (`#`).
 */
export function checkPlaceholders(
  root: string,
  where: (locale: string) => string,
  byLocale: ReadonlyMap<string, StringTable>,
  sourceLocale: string,
): Problem[] {
  // At the key's line, the message naming the key.
  const at = (locale: string, key: string, message: string): Problem =>
    problemAt(where(locale), `"${printable(key, 60)}"${message}`, { line: keyLine(root, where(locale), key) });
  // Every string of every locale is a valid ICU message (intl-messageformat reads it).
  const malformed = [...byLocale].flatMap(([locale, table]) =>
    Object.entries(table).flatMap(([key, text]) => {
      const problem = messageProblem(text, locale);
      return problem
        ? [at(locale, key, ` is not a valid message (${problem}); close every { with }, and give a plural an "other" form`)]
        : [];
    }),
  );
  const source = byLocale.get(sourceLocale);
  if (!source) return malformed;
  const translations = [...byLocale].filter(([locale]) => locale !== sourceLocale);
  return [
    ...malformed,
    ...translations.flatMap(([locale, table]) =>
      placeholderMismatches(source, table).map((m) =>
        at(locale, m.key, ` has placeholders ${placeholderList(m.have)} but the ${sourceLocale} text has ${placeholderList(m.want)}`),
      ),
    ),
    ...translations.flatMap(([locale, table]) =>
      droppedPluralNumbers(source, table, sourceLocale, locale).map((d) =>
        at(
          locale,
          d.key,
          `: the plural {${d.name}} shows no number in its form(s) ${d.forms.join(", ")} (the ${sourceLocale} text shows it with #): write # where the number goes`,
        ),
      ),
    ),
  ];
}

/**
 * What the build checks before anything is compiled or computed: no links under content/,
 * every locale's chapters (limits, syntax, allowed content, ids, images, frontmatter; each in a
 * bounded thread), the chapter modules and their strings' placeholders. The build stops on any
 * problem it returns.
 */
export async function checkCourse(
  root: string,
  chapters: readonly DiscoveredChapter[],
  sourceLocale: string,
  /** Told what the build shows otherwise than written (a formula KaTeX cannot draw). */
  warn?: (warning: Problem) => void,
  /** The fields the course adds to the frontmatter (course.config.ts `frontmatter`). */
  fields: FrontmatterFields = {},
): Promise<Problem[]> {
  const tree = contentTreeProblems(root, locales(root));
  if (tree.length) return tree;
  const bySlug = new Map(chapters.map((c) => [c.slug, c]));
  const files = listChapterFiles(root);
  const problems: Problem[] = chapters.flatMap(checkChapterModule);
  const sources = new Set(files.filter((f) => f.locale === sourceLocale).map((f) => f.slug));
  for (const { file, locale, slug } of files)
    if (locale !== sourceLocale && !sources.has(slug))
      problems.push(problemAt(file, `there is no ${sourceLocale} source for this chapter (${chapterFilePath(sourceLocale, slug)})`));
  const checks = files.map(({ file, locale, slug }): ChapterCheck => {
    const chapter = bySlug.get(slug);
    const sourceFile = locale !== sourceLocale && sources.has(slug) ? chapterFilePath(sourceLocale, slug) : null;
    return [root, file, chapter ? chapterIds(chapter) : chapterIds(undefined), sourceFile, fields];
  });
  problems.push(...(await checkChapterFiles(checks, LIMITS, warn)));
  // A cell scaffolded from a notebook's widget demo and not written yet shows "Not computed yet".
  for (const chapter of chapters)
    for (const [id, { file }] of chapter.views) {
      const path = join(root, file);
      if (existsSync(path) && readFileSync(path, "utf8").includes('"figure.notComputed"'))
        warn?.(
          problemAt(file, `cell "${id}" is not computed yet: readers see "Not computed yet"`, {
            hint: "write its payload and drawing: AUTHORING.md",
          }),
        );
    }
  for (const chapter of chapters) {
    if (!sources.has(chapter.slug))
      problems.push(problemAt(chapter.file, `no chapter ${chapterFilePath(sourceLocale, chapter.slug)} uses this module`));
    const dir = chapter.file.replace(/chapter\.ts$/, "strings");
    problems.push(...checkPlaceholders(root, (l) => `${dir}/${l}.json`, chapter.strings, sourceLocale));
  }
  return problems;
}

/**
 * The site's UI strings (src/translation/ui/<locale>.json): named by canonical language tags
 * (as their content folders are), valid JSON, exactly the schema's keys, strings only, the
 * same placeholders as the source locale's. With the problems, every table that passed, as the
 * schema reads it (what the pages are given when there is no problem).
 */
export function checkSiteStrings<T>(
  root: string,
  sourceLocale: string,
  schema: z.ZodType<T>,
): { readonly problems: Problem[]; readonly tables: ReadonlyMap<string, T> } {
  // Read and checked as every strings file is (readStringFolder); then against the schema.
  const read = readStringFolder(root, UI_STRINGS_DIR);
  // A locale has one name, its canonical tag (pt-BR, zh-Hant-TW), in every file and folder.
  const problems = [...localeSpellingProblems(root), ...read.problems];
  const tables = new Map<string, StringTable>();
  const checked = new Map<string, T>();
  for (const [locale, table] of read.tables) {
    const file = uiStringsFile(locale);
    const result = schema.safeParse({ ...table });
    if (!result.success) {
      for (const issue of schemaIssues(result.error, table))
        problems.push(
          issue.unknownKeys
            ? problemAt(file, `unknown key(s) ${printable(issue.unknownKeys.join(", "), 120)}`)
            : problemAt(
                file,
                `"${printable(issue.path || "(root)", 60)}": ${issue.message === "missing" ? "missing UI string" : issue.message}`,
              ),
        );
      continue;
    }
    tables.set(locale, table);
    checked.set(locale, result.data);
  }
  return { problems: [...problems, ...checkPlaceholders(root, uiStringsFile, tables, sourceLocale)], tables: checked };
}
