import { writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { ViteDevServer } from "vite";
import type { AnyChapter } from "../api/course.ts";
import type { AnyView } from "../api/types.ts";
import { discoveredChapter } from "../course/chapterModel.ts";
import { cellModulePath, chapterModulePath } from "../lib/content/chapterModules.ts";
import { listCellModules, listChapterModules } from "../lib/content/chapterModuleFiles.ts";
import { chapterOfProjectPath } from "../lib/content/chapterFiles.ts";
import { runBounded } from "../checks/bounded.ts";
import { checkCourseCode } from "../checks/checkCode.ts";
import type { ChapterIds } from "../lib/content/components.ts";
import { chapterIds, checkChapterModule } from "../checks/checkCourse.ts";
import type { CourseData } from "./compute.ts";
import { CourseError } from "./courseError.ts";
import type { DiscoveredChapter } from "./discover.ts";
import { DEV_PROBLEMS_FILE, storeFile, type DevProblems } from "../course/storeFiles.ts";
import { COURSE_FILE } from "../course/courseFile.ts";
import { localeOfFile, UI_STRINGS_DIR } from "../translation/locales.ts";
import { formatProblem, problemAt, problemsOf, type Problem } from "../lib/problem.ts";

/** What the development server's loop works on: the build's computation and what the pages read. */
export interface DevLoopContext {
  readonly root: string;
  readonly storeDir: string;
  readonly sourceLocale: string;
  readonly course: CourseData;
  /** The cell ids the MDX check accepts, per chapter (updated when a chapter changes). */
  readonly idsBySlug: Map<string, ChapterIds>;
  /** Reads the glossaries again (content/glossary.yaml, chapters/<chapter>/glossary.yaml); throws a CourseError when one is wrong. */
  readonly reloadGlossary: () => void;
  /** Reads the site's UI strings again (src/translation/ui/<locale>.json): their problems, and the id of the module that hands them to the pages. */
  readonly reloadUiStrings: () => { readonly problems: readonly Problem[]; readonly module: string };
}

/** A chapter loaded through the dev server's module graph (fresh after an edit), as discovery gives it. */
async function loadChapter(server: ViteDevServer, root: string, slug: string): Promise<DiscoveredChapter> {
  const definition = ((await server.ssrLoadModule(`/${chapterModulePath(slug)}`)) as { default: AnyChapter }).default;
  const views = new Map<string, { file: string; view: AnyView }>();
  for (const cell of listCellModules(root, slug)) {
    const file = cellModulePath(slug, cell);
    views.set(cell, { file, view: ((await server.ssrLoadModule(`/${file}`)) as { default: AnyView }).default });
  }
  return discoveredChapter(root, slug, definition, views);
}

/** Forgets the dev server's compiled copies of the files under `prefix` (or of one file). */
function invalidate(server: ViteDevServer, root: string, test: (file: string) => boolean): void {
  for (const mod of server.moduleGraph.idToModuleMap.values())
    if (mod.file && test(relative(root, mod.file).split(sep).join("/"))) server.moduleGraph.invalidateModule(mod);
}

/** Is this project path one of the site's UI strings files? */
const isUiStringsFile = (f: string): boolean =>
  f.startsWith(`${UI_STRINGS_DIR}/`) && localeOfFile(f.slice(UI_STRINGS_DIR.length + 1)) !== null;

/** How long after an edit's reload the type check starts (the page's request first). */
const TYPE_CHECK_DELAY_MS = 300;

/** The type checker's thread: its module, and bounds (the first check reads the libraries' types). */
const TYPE_CHECK = { module: join(import.meta.dirname, "../checks/typeCheck.ts"), fn: "courseTypeProblems", ms: 120_000, heapMb: 2048 };

/**
 * Type-checks the course's code in a thread of its own, never in the way of the page: `check()`
 * asks for a check (one runs at a time; asks made meanwhile make one more), and `changed` is
 * called with the problems whenever they differ from the last check's.
 */
function typeChecker(
  root: string,
  changed: (problems: readonly Problem[]) => void,
): { check: () => void; problems: () => readonly Problem[] } {
  let last: readonly Problem[] = [];
  let running = false;
  // How many checks were asked for; a run checks again until it has covered the last ask.
  let asked = 0;
  const run = async (): Promise<void> => {
    running = true;
    try {
      for (let covered = 0; covered < asked;) {
        covered = asked;
        const [outcome] = await runBounded<[string], Problem[]>({ ...TYPE_CHECK, jobs: [[root]] }).catch((err: unknown) => [
          { result: [problemAt(undefined, `type check: ${(err as Error).message}`)] },
        ]);
        const found = outcome && "result" in outcome ? outcome.result : [problemAt(undefined, "type check: ran out of time or memory")];
        if (JSON.stringify(found) !== JSON.stringify(last)) {
          last = found;
          changed(found);
        }
      }
    } finally {
      running = false;
    }
  };
  return {
    check: () => {
      asked++;
      if (!running) void run();
    },
    problems: () => last,
  };
}

/**
 * Keeps `npm run dev` live for authors: an edit to a chapter's module, cells or strings
 * recomputes that chapter; to a dataset, every chapter; to the glossary, every page's hints;
 * to a source chapter's text, its translations (which show its untranslated sections). The
 * open page then reloads. Problems go to dev-problems.json, which the chapter page shows with
 * file and line until they are fixed; type errors in the course's code join them when a check
 * in the background finds them (the page reloads again then), without holding the page back.
 */
export function startDevLoop(server: ViteDevServer, ctx: DevLoopContext): void {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  let contentProblems: readonly Problem[] = [];
  const writeProblems = () => {
    const found: DevProblems = { content: contentProblems, types: types.problems() };
    writeFileSync(join(ctx.storeDir, DEV_PROBLEMS_FILE), JSON.stringify(found));
  };
  const types = typeChecker(ctx.root, (found) => {
    writeProblems();
    if (found.length)
      server.config.logger.error(`the course's code has ${found.length} type error(s):\n  ${found.map(formatProblem).join("\n  ")}`, {
        timestamp: true,
      });
    server.ws.send({ type: "full-reload", path: "*" });
  });
  const sourceChapter = (f: string) => {
    const chapter = chapterOfProjectPath(f);
    return chapter?.locale === ctx.sourceLocale ? chapter.slug : null;
  };
  const relevant = (f: string) =>
    f.startsWith("chapters/") ||
    f.startsWith("datasets/") ||
    f === "content/glossary.yaml" ||
    f === COURSE_FILE ||
    isUiStringsFile(f) ||
    sourceChapter(f) !== null;
  // Load every chapter through the dev server once, in the background: the first edit then
  // compiles only what changed (a cold start would compile the helpers and Plot first).
  running = running.then(async () => {
    for (const slug of listChapterModules(ctx.root)) await loadChapter(server, ctx.root, slug).catch(() => undefined);
    types.check();
  });
  server.watcher.on("all", (_event, path) => {
    const file = relative(ctx.root, path).split(sep).join("/");
    if (!relevant(file)) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(flush);
    }, 40);
  });

  async function flush(): Promise<void> {
    const files = [...pending];
    pending.clear();
    const problems = checkCourseCode(ctx.root);
    const glossaryChanged = files.some((f) => f === "content/glossary.yaml" || (f.startsWith("chapters/") && f.endsWith("/glossary.yaml")));
    const datasetChanged = files.some((f) => f.startsWith("datasets/"));
    const stringsChanged = files.some(isUiStringsFile);
    const all = listChapterModules(ctx.root);
    // The site's strings are every chapter's last layer: each is computed again when they change.
    const slugs = datasetChanged || stringsChanged ? all : all.filter((s) => files.some((f) => f.startsWith(`chapters/${s}/`)));
    const mdxSlugs = new Set(files.map(sourceChapter).filter((s): s is string => s !== null));
    if (glossaryChanged) {
      try {
        ctx.reloadGlossary();
      } catch (err) {
        problems.push(...problemsOf(err));
      }
    }
    if (stringsChanged) {
      const reread = ctx.reloadUiStrings();
      problems.push(...reread.problems);
      const mod = server.moduleGraph.getModuleById(reread.module);
      if (mod) server.moduleGraph.invalidateModule(mod);
    }
    if (datasetChanged) {
      ctx.course.forgetDatasets();
      invalidate(server, ctx.root, (f) => f.startsWith("datasets/"));
    }
    if (problems.length === 0) {
      for (const slug of slugs) {
        invalidate(server, ctx.root, (f) => f.startsWith(`chapters/${slug}/`));
        try {
          const chapter = await loadChapter(server, ctx.root, slug);
          const found = checkChapterModule(chapter);
          if (found.length) throw new CourseError(found);
          writeFileSync(storeFile(ctx.storeDir, slug), JSON.stringify((await ctx.course.chapter(chapter)).store));
          ctx.idsBySlug.set(slug, chapterIds(chapter));
          mdxSlugs.add(slug);
        } catch (err) {
          problems.push(...problemsOf(err, chapterModulePath(slug)));
        }
      }
    }
    // Every language's text of a changed chapter compiles again (ids it may use, sections it borrows).
    invalidate(server, ctx.root, (f) => {
      const chapter = chapterOfProjectPath(f);
      return chapter !== null && (glossaryChanged || stringsChanged || mdxSlugs.has(chapter.slug));
    });
    contentProblems = problems;
    writeProblems();
    // A moment after the reload, so that the page's own request is served first.
    if (files.some((f) => f.endsWith(".ts")))
      setTimeout(() => {
        types.check();
      }, TYPE_CHECK_DELAY_MS);
    if (problems.length)
      server.config.logger.error(`the course has ${problems.length} problem(s):\n  ${problems.map(formatProblem).join("\n  ")}`, {
        timestamp: true,
      });
    server.ws.send({ type: "full-reload", path: "*" });
  }
}
