import { execFile } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runCli, UsageError } from "./cli.ts";

const USAGE = "usage: npm run bench:build -- [--chapters 40]";
const ROOT = resolve(import.meta.dirname, "..");
const PARTS = ["course.config.ts", "content", "chapters", "datasets", "src", "public", "scripts", "package.json", "astro.config.mjs", "tsconfig.json"];

/** A small chapter's module: two figures and a number from the same dataset as Tutorial 1, and its ISI files. */
const chapterModule = (i: number) => `import steinmetz from "../../../datasets/steinmetz-w1d1/index.ts";
import { histogram } from "../../../lib/analysis/histogram.ts";
import { spikeCounts } from "../../../lib/spikes/dataset.ts";
import { isiFiles } from "../../../lib/spikes/fileSets.ts";
import { defineChapter } from "../../course.ts";
import { computed } from "../../outputs.ts";
import { spikeCountHistogram } from "../../w1d1/tutorial1/countHistogram.ts";
import { rasterRows } from "../../w1d1/tutorial1/rasters.ts";
import { describeRaster, plotRaster } from "../../w1d1/tutorial1/rasterView.ts";

export default defineChapter({
  datasets: { spikes: steinmetz },
  summarize: ({ spikes }) => ({ counts: spikeCounts(spikes) }),
  cells: (cell) => [
    cell(spikeCountHistogram.view as never, ({ summary }) => {
      const mean = summary.counts.reduce((a, b) => a + b, 0) / summary.counts.length;
      return { hist: histogram(summary.counts, 50), mean, median: mean, q1: 0, q3: 0, n: summary.counts.length } as never;
    }),
    cell({ id: "raster-${i}", plot: plotRaster, describe: describeRaster }, ({ data }) => rasterRows(data.spikes, [${i}, ${i + 1}, ${i + 2}])),
  ],
  values: { neurons: ({ summary }) => computed("neurons", summary.counts.length, String(summary.counts.length)) },
  files: { isi: { set: isiFiles, dataset: "spikes" } },
});
`;

const chapterText = (i: number, locale: string) => `---
title: "${locale === "ja" ? "ベンチマーク章" : "Benchmark chapter"} ${i}"
description: "${locale === "ja" ? "ビルド時間を測るための小さな章。" : "A small chapter for measuring the build."}"
course: "Bench"
order: ${100 + i}
estimatedMinutes: 5
---

## ${locale === "ja" ? "図" : "Figures"} \\{#figures\\}

${locale === "ja" ? "このデータには" : "The data has"} <Value k="neurons" /> ${locale === "ja" ? "個のニューロンがあります。" : "neurons."}

<Cell id="spike-count-histogram">${locale === "ja" ? "総スパイク数。" : "Total spike counts."}</Cell>

<Cell id="raster-${i}">${locale === "ja" ? "3 個のニューロン。" : "Three neurons."}</Cell>
`;

/** A copy of the project with `n` extra chapters in both locales (new files only). */
function scratch(n: number): string {
  const dir = join(ROOT, ".cache", `bench-build-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const part of PARTS) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  for (let i = 0; i < n; i++) {
    const slug = `bench/ch-${i}`;
    mkdirSync(join(dir, "chapters", slug), { recursive: true });
    writeFileSync(join(dir, "chapters", slug, "chapter.ts"), chapterModule(i));
    // It draws with Tutorial 1's views, so it carries their strings.
    cpSync(join(ROOT, "chapters/w1d1/tutorial1/strings"), join(dir, "chapters", slug, "strings"), { recursive: true });
    for (const locale of ["en", "ja"]) {
      mkdirSync(join(dir, "content", locale, slug), { recursive: true });
      writeFileSync(join(dir, "content", locale, slug, "index.mdx"), chapterText(i, locale));
    }
  }
  return dir;
}

function bytesUnder(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).reduce((sum, f) => {
    const s = statSync(join(dir, f));
    return sum + (s.isFile() ? s.size : 0);
  }, 0);
}

interface Run {
  readonly wall: number;
  readonly phases: Map<string, number>;
  readonly pages: number;
  readonly dataBytes: number;
}

/** Builds a scratch copy and reads the build's own per-phase printout. */
function build(dir: string): Promise<Run> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/build.ts"],
      { cwd: dir, env: { ...process.env, OUT_DIR: join(dir, "dist") }, maxBuffer: 1 << 26 },
      (err, _out, stderr) => {
        if (err) {
          reject(new Error(`the build failed:\n${stderr}`));
          return;
        }
        const phases = new Map<string, number>();
        for (const m of stderr.matchAll(/^ {2}(.+?)\s+([\d.]+) s$/gm)) phases.set(m[1]!.trim(), Number(m[2]) * 1000);
        const pages = Number(/\((\d+) pages,/.exec(stderr)?.[1] ?? NaN);
        resolvePromise({ wall: performance.now() - started, phases, pages, dataBytes: bytesUnder(join(dir, "dist", "data")) });
      },
    );
  });
}

const phase = (run: Run, prefix: string) => [...run.phases].find(([k]) => k.startsWith(prefix))?.[1] ?? NaN;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Builds the course as it is and again with N small chapters added (both locales, all reading
 * Tutorial 1's dataset), and prints the time per phase, per page, the marginal cost of a
 * chapter page, and what the added chapters cost in data loading and data bytes.
 */
runCli(USAGE, async () => {
  let n = 40;
  try {
    const { values } = parseArgs({ options: { chapters: { type: "string" } } });
    if (values.chapters !== undefined) n = Number(values.chapters);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new UsageError("--chapters must be an integer from 1 to 500");
  const base = await build(scratch(0));
  const more = await build(scratch(n));
  const rows: [string, string, string][] = [];
  const label = (k: string) => k.replace(/\s*\(.*\)$/, "").replace(/: \d+ SVGs$/, "");
  for (const name of new Set([...base.phases.keys(), ...more.phases.keys()].map(label))) {
    rows.push([name, s(phase(base, name)), s(phase(more, name))]);
  }
  process.stdout.write(`${"phase".padEnd(44)} ${"as is".padStart(10)} ${`+${n} chapters`.padStart(14)}\n`);
  for (const [name, a, b] of rows) process.stdout.write(`${name.padEnd(44)} ${a.padStart(10)} ${b.padStart(14)}\n`);
  const addedPages = more.pages - base.pages;
  const marginal = (phase(more, "total") - phase(base, "total")) / addedPages;
  process.stdout.write(`\npages: ${base.pages} -> ${more.pages} (+${addedPages}: ${n} chapters x 2 locales)\n`);
  process.stdout.write(`build total: ${s(phase(base, "total"))} -> ${s(phase(more, "total"))} (wall ${s(base.wall)} -> ${s(more.wall)})\n`);
  process.stdout.write(`marginal cost of one more chapter page: ${s(marginal)} (target <= 0.30 s)\n`);
  process.stdout.write(
    `data loading: ${s(phase(base, "data: load"))} -> ${s(phase(more, "data: load"))}; data files in dist: ${(base.dataBytes / 1e6).toFixed(1)} MB -> ${(more.dataBytes / 1e6).toFixed(1)} MB\n`,
  );
  for (const n2 of [0, n]) rmSync(join(ROOT, ".cache", `bench-build-${n2}`), { recursive: true, force: true });
});
