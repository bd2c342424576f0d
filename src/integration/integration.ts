import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import type { Plugin } from "vite";
import * as pagefind from "pagefind";
import { uiStringsSchema } from "../translation/strings/schema.ts";
import { headersFile } from "../lib/security/csp.ts";
import { offlineConfig, serviceWorkerSource } from "./serviceWorker.ts";
import { CourseError } from "./courseError.ts";
import { chapterIds, checkCourse, checkSiteStrings } from "../checks/checkCourse.ts";
import { listChapterFiles } from "../lib/content/chapterFiles.ts";
import { COURSE_FILE } from "../course/courseFile.ts";
import { courseStringsFile } from "../course/courseTranslations.ts";
import { pageCourseModel, type CourseModel } from "../course/courseModel.ts";
import { chapterMarkdown, GlossaryHolder } from "./markdown.ts";
import { startDevLoop } from "./devLoop.ts";
import { cellChunksPlugin } from "./cellChunks.ts";
import { browserPlotPlugin } from "./browserPlotPlugin.ts";
import { storeFile } from "../course/storeFiles.ts";
import { CourseData } from "./compute.ts";
import { discoverChapters, discoverDatasetStrings, type DiscoveredChapter } from "./discover.ts";
import { ChapterCache } from "./chapterCache.ts";
import type { ChapterStore } from "../course/chapterStore.ts";
import type { StringTable } from "../translation/strings/strings.ts";
import { formatTimings } from "./timings.ts";
import { formatProblem, problemsOf, withHint, type Problem } from "../lib/problem.ts";

export { CourseError };

export interface CourseOptions {
  /** The course, decided once (src/course/courseModel.ts): its folder, course file, settings, locales. */
  readonly model: CourseModel;
  /** Where the build's computed chapters go for the pages to read (a fresh folder is made inside). */
  readonly storeRoot?: string;
}

const STORE_MODULE = "virtual:course/store";
const MODEL_MODULE = "virtual:course/model";

/**
 * The course generator as an Astro integration. Before Astro compiles anything it checks the
 * content (every chapter of every locale, as a syntax tree), loads each dataset once and
 * computes every chapter for every locale into a store the pages read; after the pages are
 * written it adds the browser's data files, the search index and the headers file, and prints
 * the time of each phase.
 */
export default function course(options: CourseOptions): AstroIntegration {
  const { model } = options;
  const { settings } = model;
  const { sourceLocale } = settings;
  let data: CourseData | null = null;
  let storeDir = "";
  let base = "/";
  let pagesStart = 0;
  let readBack = 0;
  let warned: readonly Problem[] = [];
  const started = performance.now();
  return {
    name: "course",
    hooks: {
      "astro:config:setup": async ({ command, updateConfig, logger, addWatchFile }) => {
        const { root } = model;
        // The course file decides the model: an edit to it (or its translations) starts the dev server again.
        addWatchFile(join(root, COURSE_FILE));
        const chapters = discoverChapters(root);
        const datasetStrings = discoverDatasetStrings(root);
        const warnings: Problem[] = [];
        const siteStrings = checkSiteStrings(root, sourceLocale, uiStringsSchema);
        const problems = [
          ...siteStrings.problems,
          ...datasetStrings.problems,
          ...(await checkCourse(root, chapters, sourceLocale, (w) => warnings.push(w), model.course.frontmatter)),
        ];
        // What is shown otherwise than written (a formula KaTeX cannot draw, as its TeX source):
        // said, and an error when the build is strict (STRICT=1, as a course's CI may ask).
        if (settings.strict) problems.push(...warnings.map((w) => withHint(w, "an error: STRICT=1")));
        else for (const w of warnings) logger.warn(formatProblem(w));
        warned = warnings;
        if (problems.length) throw new CourseError(problems);
        // The site's UI strings as checked; the dev loop reads them again after an edit.
        let uiStrings = Object.fromEntries(siteStrings.tables);
        const coreStrings = (locale: string): StringTable => uiStrings[locale] ?? {};
        // The course's translations of its title and tagline are the model's: an edit starts the dev server again.
        for (const locale of model.locales) addWatchFile(join(root, courseStringsFile(locale)));
        const idsBySlug = new Map(chapters.map((c) => [c.slug, chapterIds(c)]));
        const glossary = new GlossaryHolder(root, () =>
          listChapterFiles(root)
            .filter((f) => f.locale === sourceLocale)
            .map((f) => f.slug),
        );
        const { locales } = model;
        updateConfig({
          markdown: {
            processor: chapterMarkdown(
              {
                root,
                sourceLocale,
                locales,
                coreStrings,
                glossaryHints: model.course.glossaryHints,
                idsFor: (slug) => idsBySlug.get(slug) ?? null,
                dev: command === "dev",
              },
              glossary,
            ),
          },
        });
        base = settings.base;
        if (command !== "preview" && command !== "sync") {
          const storeRoot = options.storeRoot ?? join(root, ".cache");
          mkdirSync(storeRoot, { recursive: true });
          removeStaleStores(storeRoot);
          storeDir = mkdtempSync(join(storeRoot, `course-store-${process.pid}-`));
          const course = new CourseData({
            environment: { env: model.environment, root },
            locales,
            sourceLocale,
            base,
            coreStrings,
            datasetStrings: datasetStrings.strings,
          });
          const cache = !settings.buildCache ? null : new ChapterCache(root, join(storeRoot, "course", "chapters"), { locales, base });
          for (const chapter of chapters) {
            let store;
            try {
              const kept = await computedChapter(course, cache, chapter);
              store = kept.store;
              if (kept.readBack) readBack++;
            } catch (err) {
              throw err instanceof CourseError ? err : new CourseError(problemsOf(err, chapter.file));
            }
            writeFileSync(storeFile(storeDir, chapter.slug), JSON.stringify(store));
          }
          cache?.prune();
          data = course;
        }
        const dir = storeDir;
        const files = () => data?.files;
        const servedBase = base;
        // The pages get the model as data, as they get the store's folder: nothing they import reads it again.
        const modules: Record<string, () => string> = {
          [STORE_MODULE]: () => `export const STORE_DIR = ${JSON.stringify(dir)};`,
          [MODEL_MODULE]: () =>
            `export const model = ${JSON.stringify(pageCourseModel(model))};\nexport const uiStrings = ${JSON.stringify(uiStrings)};`,
        };
        const plugin: Plugin = {
          name: "course-store",
          resolveId: (id) => (id in modules ? `\0${id}` : null),
          load: (id) => (id.startsWith("\0") ? (modules[id.slice(1)]?.() ?? null) : null),
          // The development server serves the browser's data files from memory, and recomputes
          // what an author edits (src/integration/devLoop.ts).
          configureServer(server) {
            if (command === "dev" && data)
              startDevLoop(server, {
                root,
                storeDir: dir,
                sourceLocale,
                course: data,
                idsBySlug,
                reloadGlossary: () => {
                  glossary.reload();
                },
                reloadUiStrings: () => {
                  const read = checkSiteStrings(root, sourceLocale, uiStringsSchema);
                  if (read.problems.length === 0) uiStrings = Object.fromEntries(read.tables);
                  return { problems: read.problems, module: `\0${MODEL_MODULE}` };
                },
              });
            server.middlewares.use((req, res, next) => {
              const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname).slice(servedBase.length);
              const bytes = files()?.lookup(path);
              if (!bytes) {
                next();
                return;
              }
              res.setHeader("content-type", "application/octet-stream");
              res.end(bytes);
            });
          },
        };
        const cellFiles = chapters.flatMap((c) => [...c.views.values()].map((v) => v.file));
        updateConfig({
          vite: { plugins: [plugin, browserPlotPlugin(), cellChunksPlugin({ root, storeDir: () => dir, cellFiles: () => cellFiles })] },
        });
      },
      "astro:build:start": () => {
        pagesStart = performance.now();
      },
      "astro:build:done": async ({ dir, pages }) => {
        const out = fileURLToPath(dir);
        const pagesMs = performance.now() - pagesStart;
        const course = data!;
        const written = course.timings.time("data: files for the browser", () => course.files.writeAll(out));
        const searchStart = performance.now();
        await buildSearchIndex(out);
        const searchMs = performance.now() - searchStart;
        writeFileSync(join(out, "_headers"), headersFile(base));
        if (settings.offline) writeServiceWorker(out, base);
        rmSync(storeDir, { recursive: true, force: true });
        const t = course.timings;
        const figures = t.get("figures");
        const answers = t.get("figures: first-move answers");
        const rows: [string, number][] = [
          [`data: load + validate (${course.datasetCount} dataset(s))`, t.get("data: load + validate").ms],
          ["data: summaries and payloads", t.get("data: summaries and payloads").ms],
          [`figures: ${figures.count} SVGs`, figures.ms],
          [`figures: first-move answers (${answers.count} SVGs)`, answers.ms],
          [
            `data: files for the browser (${written.files} files, ${(written.bytes / 1e6).toFixed(1)} MB)`,
            t.get("data: files for the browser").ms,
          ],
          [
            `pages: Astro bundling + rendering (${pages.length} pages, ${(pagesMs / Math.max(1, pages.length) / 1000).toFixed(3)} s each)`,
            pagesMs,
          ],
          ["search: Pagefind index", searchMs],
          ["course build (all of the above)", performance.now() - started],
        ];
        process.stderr.write(formatTimings(rows));
        // The same facts as data, for tools and tests (BUILD_REPORT=<file>): never the log lines.
        const reportFile = settings.buildReport;
        if (reportFile) {
          const report: BuildReport = {
            datasets: course.datasetCount,
            figures: figures.count,
            dataFiles: written.files,
            dataBytes: written.bytes,
            dataSets: course.files.keys(),
            chaptersReadBack: readBack,
            pages: pages.length,
            seconds: Object.fromEntries(rows.map(([label, ms]) => [label.replace(/ \(.*$/, ""), Math.round(ms) / 1000])),
            warnings: warned,
          };
          writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
        }
      },
    },
  };
}

/** What a build did, as data (written to BUILD_REPORT when it is set). */
export interface BuildReport {
  /** Datasets loaded (each once, however many chapters use it). */
  readonly datasets: number;
  readonly figures: number;
  /** Files written under data/, their bytes, and their content addresses (each set once). */
  readonly dataFiles: number;
  readonly dataBytes: number;
  readonly dataSets: readonly string[];
  /** Chapters read back from the last build's (their inputs unchanged), not computed. */
  readonly chaptersReadBack: number;
  readonly pages: number;
  /** Seconds per phase. */
  readonly seconds: Readonly<Record<string, number>>;
  /** What the build showed otherwise than written, and said (a formula as its TeX source, a cell not computed yet). */
  readonly warnings: readonly Problem[];
}

/** A chapter's store: read back from the cache when its inputs are unchanged, otherwise computed (and kept). */
async function computedChapter(
  course: CourseData,
  cache: ChapterCache | null,
  chapter: DiscoveredChapter,
): Promise<{ store: ChapterStore; readBack: boolean }> {
  if (!cache) return { store: (await course.chapter(chapter)).store, readBack: false };
  const key = cache.key(dirname(chapter.file), course.dataKeys(chapter));
  const kept = cache.read(key, chapter.slug);
  if (kept) {
    // The browser's files are written with the site, whichever way the chapter came.
    course.registerFiles(chapter);
    if (Object.keys(kept.answers).length) course.registerAnswers(kept.answers);
    return { store: kept.store, readBack: true };
  }
  const computed = await course.chapter(chapter);
  cache.write(key, computed);
  return { store: computed.store, readBack: false };
}

/** Writes sw.js for the deploy now in `out`. */
function writeServiceWorker(out: string, base: string): void {
  writeFileSync(join(out, "sw.js"), serviceWorkerSource(offlineConfig(out, base)));
}

/** Removes stores left by builds that were killed (their process is gone). */
function removeStaleStores(storeRoot: string): void {
  for (const entry of readdirSync(storeRoot)) {
    const pid = Number(/^course-store-(\d+)-/.exec(entry)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ESRCH") rmSync(join(storeRoot, entry), { recursive: true, force: true });
    }
  }
}

/** One Pagefind index per language, from the chapters' text (not TeX, tables or controls). */
async function buildSearchIndex(site: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({
    // Out of the index: maths markup, figures' tables and controls, code and what it printed,
    // notices, videos, feedback, and every button's label ("Copy" is no search result).
    excludeSelectors: [
      ".katex-mathml",
      ".cell-table",
      ".cell-controls",
      "pre",
      ".output",
      "button",
      ".data-notice",
      ".stale-notice",
      ".video",
      ".feedback",
    ],
  });
  if (!index) throw new Error(errors.join("\n"));
  const added = await index.addDirectory({ path: site });
  if (added.errors.length) throw new Error(added.errors.join("\n"));
  const written = await index.writeFiles({ outputPath: join(site, "pagefind") });
  if (written.errors.length) throw new Error(written.errors.join("\n"));
  await pagefind.close();
}
