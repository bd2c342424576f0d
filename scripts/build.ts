import { loadCourseModel } from "../src/course/courseModel.ts";
import { cpSync, renameSync, rmSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { build } from "astro";
import { formatTimings } from "../src/integration/timings.ts";
import { StagedSite } from "../src/lib/fs/atomicSite.ts";
import { filesMentioning } from "../src/lib/fs/leaks.ts";
import { checkCourseCode } from "../src/checks/checkCode.ts";
import { CourseError } from "../src/integration/courseError.ts";
import { runCli } from "../src/lib/cli/runCli.ts";

const USAGE =
  "usage: npm run build   (SPIKES_FILE, SPIKES_SEED, BASE_PATH, SITE_URL, SITE_REPOSITORY and OUT_DIR are read from the environment)";

/** The first line of an error Astro reports, plus the course's own problem lines, without stack frames. */
function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message
    .split("\n")
    .filter((line) => !/^\s+at\s/.test(line))
    .join("\n")
    .trim();
}

/** Puts a built folder's contents into `dest` (an empty stage): renamed, or copied across file systems. */
function moveInto(from: string, dest: string): void {
  rmSync(dest, { recursive: true, force: true });
  try {
    renameSync(from, dest);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw err;
    cpSync(from, dest, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Runs `work` without Astro's "An unhandled error occurred while running the … hook" line for
 * our integration: the error it announces is our problem list, printed in full below.
 */
async function withoutHookNotices<T>(work: () => Promise<T>): Promise<T> {
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = (chunk: string | Uint8Array, ...rest: never[]) =>
    /\[course\].*An unhandled error occurred while running the/.test(String(chunk)) ? true : write(chunk, ...rest);
  try {
    return await work();
  } finally {
    process.stderr.write = write;
  }
}

/**
 * Builds the site beside the output folder and swaps it in only when everything succeeded, so
 * a failed build (bad data, a broken chapter, an unwritable folder) leaves the previous site
 * as it was. The course integration prints the time of each phase; this adds the swap.
 */
runCli(USAGE, async () => {
  const root = resolve(import.meta.dirname, "..");
  // A syntax error in the course's code: one line each, before Astro wraps it in its own report.
  const codeProblems = checkCourseCode(root);
  if (codeProblems.length) throw new CourseError(codeProblems);
  await loadCourseModel(root, process.env); // a bad setting (BASE_PATH, SITE_URL, ...) or course file stops here
  const outDir = resolve(root, process.env.OUT_DIR ?? "dist");
  const started = performance.now();
  const site = new StagedSite(outDir);
  // Astro builds an output folder outside the working directory through a folder inside it and
  // then copies everything over, its server-side files (content-modules.mjs, collections/) too:
  // such a site is built inside the project and moved to its stage.
  const inside = site.stage.startsWith(process.cwd() + sep);
  const buildDir = inside ? site.stage : join(root, ".cache", `build-${process.pid}`);
  try {
    if (!inside) rmSync(buildDir, { recursive: true, force: true });
    await withoutHookNotices(() =>
      build({ root, outDir: buildDir, logLevel: process.env.BUILD_LOG ?? "warn" } as Parameters<typeof build>[0]),
    );
    if (!inside) moveInto(buildDir, site.stage);
  } catch (err) {
    if (!inside) rmSync(buildDir, { recursive: true, force: true });
    site.abort();
    throw new Error(`the site did not build, so ${site.outDir} was left as it was:\n${describe(err)}`, { cause: err });
  }
  // Nothing published may say where it was built (a server chunk of another build, a source map).
  const leaks = filesMentioning(site.stage, [root.replace(/\/$/, "")]);
  if (leaks.length) {
    site.abort();
    throw new Error(
      `the built site holds this machine's project path (${leaks.slice(0, 3).join(", ")}), so ${site.outDir} was left as it was`,
    );
  }
  const swapStart = performance.now();
  site.commit();
  process.stderr.write(
    formatTimings([
      ["swap into place", performance.now() - swapStart],
      ["total", performance.now() - started],
    ]),
  );
  process.stderr.write(site.outDir === outDir ? `built ${outDir}\n` : `built ${site.outDir} (${outDir} links to it)\n`);
});
