import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "astro";
import * as pagefind from "pagefind";
import { buildDataset, currentChoice } from "../src/data/loadDataset.ts";
import { buildTimings } from "../src/data/timings.ts";
import { headersFile } from "../src/lib/security/csp.ts";
import { runCli } from "./cli.ts";
import { checkContent } from "./content/checkContent.ts";

const USAGE = "usage: npm run build   (SPIKES_FILE, SPIKES_SEED, BASE_PATH and OUT_DIR are read from the environment)";

/**
 * Builds the site into a temporary folder and moves it into place only when everything
 * succeeded, so a failed build (bad data, a broken chapter) leaves the previous site as it was.
 * Prints the time spent per phase.
 */
runCli(USAGE, async () => {
  const root = resolve(import.meta.dirname, "..");
  const outDir = resolve(root, process.env.OUT_DIR ?? "dist");
  const staging = join(root, ".cache", `build-${process.pid}`);
  const started = performance.now();
  const choice = currentChoice();
  process.stderr.write(`data: ${choice.kind === "file" ? choice.path : `synthetic stand-in, seed ${choice.seed}`} (${choice.why})\n`);

  // Validate the data before Astro starts: a bad file stops here with one clear line.
  const dataset = await buildDataset();
  const loadMs = buildTimings().data;

  // Check the chapters and UI strings before Astro starts: a mistake stops here, naming file and line.
  const checkStart = performance.now();
  const problems = await checkContent(root);
  if (problems.length)
    throw new Error(`the content has ${problems.length} problem(s), so ${outDir} was left as it was:\n  ${problems.join("\n  ")}`);
  const checkMs = performance.now() - checkStart;
  const dataBeforeAstro = buildTimings().data;

  mkdirSync(join(root, ".cache"), { recursive: true });
  rmSync(staging, { recursive: true, force: true });
  const astroStart = performance.now();
  try {
    await build({ root, outDir: staging, logLevel: process.env.BUILD_LOG ?? "warn" } as Parameters<typeof build>[0]);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`the site did not build, so ${outDir} was left as it was.\n${(err as Error).message}`);
  }
  const astroMs = performance.now() - astroStart;

  // Search: one Pagefind index per language, from the chapters' text (not TeX, tables or controls).
  const searchStart = performance.now();
  try {
    await buildSearchIndex(staging);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`the search index did not build, so ${outDir} was left as it was.\n${(err as Error).message}`);
  }
  const searchMs = performance.now() - searchStart;
  writeFileSync(join(staging, "_headers"), headersFile((process.env.BASE_PATH ?? "/").replace(/\/?$/, "/")));

  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });

  const t = buildTimings();
  const filesMs = t.data - dataBeforeAstro; // the on-demand data files, computed while Astro writes them
  const rows: [string, number][] = [
    ["data: load + validate", loadMs],
    ["data: summaries, payloads, fits; content check", checkMs],
    ["data: files for the browser", filesMs],
    [`figures: ${t.figureCount} SVGs`, t.figures],
    ["pages: Astro bundling + rendering", astroMs - t.figures - filesMs],
    ["search: Pagefind index", searchMs],
    ["total", performance.now() - started],
  ];
  process.stderr.write(`\nbuilt ${outDir} from ${dataset.source} data (${dataset.origin})\n`);
  for (const [name, ms] of rows) process.stderr.write(`  ${name.padEnd(48)} ${(ms / 1000).toFixed(2).padStart(7)} s\n`);
});

async function buildSearchIndex(site: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({
    excludeSelectors: [".katex-mathml", ".cell-table", ".cell-controls", ".output", ".data-notice", ".stale-notice", ".video", ".feedback"],
  });
  if (!index) throw new Error(errors.join("\n"));
  const added = await index.addDirectory({ path: site });
  if (added.errors.length) throw new Error(added.errors.join("\n"));
  const written = await index.writeFiles({ outputPath: join(site, "pagefind") });
  if (written.errors.length) throw new Error(written.errors.join("\n"));
  await pagefind.close();
}
