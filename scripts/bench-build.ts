import { execFile } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runCli, UsageError } from "../src/lib/cli/runCli.ts";
import { median } from "../src/lib/analysis/stats.ts";
import { courseChapters } from "./lib/courseChapters.ts";
import { PROJECT_PARTS } from "./lib/projectParts.ts";
import { chapterFilePath } from "../src/lib/content/chapterFiles.ts";

const USAGE = "usage: npm run bench:build -- [--chapters 40] [--runs 1]";
const ROOT = resolve(import.meta.dirname, "..");

/**
 * A copy of the project with `n` copies of its first chapter (module folder and every locale's
 * text) under bench/ch-<i>/: new files only, each a chapter as heavy as the course's own.
 */
function scratch(n: number): string {
  const dir = join(ROOT, ".cache", `bench-build-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const part of PROJECT_PARTS) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  const first = courseChapters(ROOT)[0]!;
  for (let i = 0; i < n; i++) {
    const slug = `bench/ch-${i}`;
    // A chapter's module imports its own files relatively and the rest through #aliases, so a copy builds anywhere.
    cpSync(join(ROOT, "chapters", first.slug), join(dir, "chapters", slug), { recursive: true });
    for (const locale of first.locales) {
      // The whole folder (its translation record and images too): a copy is translated as the original is.
      cpSync(join(ROOT, dirname(chapterFilePath(locale, first.slug))), join(dir, dirname(chapterFilePath(locale, slug))), {
        recursive: true,
      });
      const text = readFileSync(join(ROOT, chapterFilePath(locale, first.slug)), "utf8");
      writeFileSync(join(dir, chapterFilePath(locale, slug)), text.replace(/^order: *(\d+)/m, `order: ${1000 + i}`));
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
      ["scripts/build.ts"],
      { cwd: dir, env: { ...process.env, OUT_DIR: join(dir, "dist") }, maxBuffer: 1 << 26 },
      (err, _out, stderr) => {
        if (err) {
          reject(new Error(`the build failed:\n${stderr}`));
          return;
        }
        const phases = new Map<string, number>();
        // Phases by name, without the counts some carry (pages, SVGs), so that runs line up.
        for (const m of stderr.matchAll(/^ {2}(.+?)\s+([\d.]+) s$/gm))
          phases.set(
            m[1]!
              .trim()
              .replace(/\s*\(.*\)$/, "")
              .replace(/: \d+ SVGs$/, ""),
            Number(m[2]) * 1000,
          );
        const pages = Number(/\((\d+) pages,/.exec(stderr)?.[1] ?? NaN);
        resolvePromise({ wall: performance.now() - started, phases, pages, dataBytes: bytesUnder(join(dir, "dist", "data")) });
      },
    );
  });
}

/** Each phase's median over several builds of one copy (wall time too). */
function medianRun(runs: readonly Run[]): Run {
  const names = new Set(runs.flatMap((r) => [...r.phases.keys()]));
  return {
    wall: median(runs.map((r) => r.wall)),
    phases: new Map([...names].map((k) => [k, median(runs.map((r) => r.phases.get(k) ?? NaN))])),
    pages: runs[0]!.pages,
    dataBytes: runs[0]!.dataBytes,
  };
}

const phase = (run: Run, prefix: string) => [...run.phases].find(([k]) => k.startsWith(prefix))?.[1] ?? NaN;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Builds the course as it is and again with N copies of its first chapter added (in every
 * locale it has), and prints the time per phase, per page, the marginal cost of a
 * chapter page, and what the added chapters cost in data loading and data bytes.
 */
runCli(USAGE, async () => {
  let n = 40;
  let runs = 1;
  try {
    const { values } = parseArgs({
      options: { chapters: { type: "string" }, runs: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) {
      process.stdout.write(
        `${USAGE}\n  Builds a copy of the project as it is, and one with N copies of its first chapter added\n  (every locale's text, translation record and images), and prints each phase's time and the\n  marginal cost of one more chapter page. --runs R builds each R times, alternating, and\n  prints each phase's median and the median of the pairs' differences (this machine's builds\n  vary by a second or more).\n`,
      );
      return;
    }
    if (values.chapters !== undefined) n = Number(values.chapters);
    if (values.runs !== undefined) runs = Number(values.runs);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new UsageError("--chapters must be an integer from 1 to 500");
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new UsageError("--runs must be an integer from 1 to 20");
  const bases: Run[] = [];
  const mores: Run[] = [];
  for (let i = 0; i < runs; i++) {
    bases.push(await build(scratch(0)));
    mores.push(await build(scratch(n)));
  }
  const base = medianRun(bases);
  const more = medianRun(mores);
  const rows: [string, string, string][] = [];
  const label = (k: string) => k.replace(/\s*\(.*\)$/, "").replace(/: \d+ SVGs$/, "");
  for (const name of new Set([...base.phases.keys(), ...more.phases.keys()].map(label))) {
    rows.push([name, s(phase(base, name)), s(phase(more, name))]);
  }
  process.stdout.write(`${"phase".padEnd(44)} ${"as is".padStart(10)} ${`+${n} chapters`.padStart(14)}\n`);
  for (const [name, a, b] of rows) process.stdout.write(`${name.padEnd(44)} ${a.padStart(10)} ${b.padStart(14)}\n`);
  const addedPages = more.pages - base.pages;
  // Each pair of builds ran one after the other: the median of the pairs' differences, so that
  // a slow spell of the machine (its disk takes 0.9 s to 1.8 s to write the same data files)
  // weighs on one pair, not on one side.
  const marginal = median(mores.map((m, i) => phase(m, "total") - phase(bases[i]!, "total"))) / addedPages;
  process.stdout.write(`\npages: ${base.pages} -> ${more.pages} (+${addedPages}: ${n} chapters in each of their locales)\n`);
  process.stdout.write(`build total: ${s(phase(base, "total"))} -> ${s(phase(more, "total"))} (wall ${s(base.wall)} -> ${s(more.wall)})\n`);
  const cache =
    process.env.BUILD_CACHE === "off"
      ? "every chapter computed (BUILD_CACHE=off)"
      : "copies of one chapter computed once (BUILD_CACHE=off: each)";
  process.stdout.write(`marginal cost of one more chapter page: ${s(marginal)} (target <= 0.15 s; ${cache})\n`);
  process.stdout.write(
    `data loading: ${s(phase(base, "data: load"))} -> ${s(phase(more, "data: load"))}; data files in dist: ${(base.dataBytes / 1e6).toFixed(1)} MB -> ${(more.dataBytes / 1e6).toFixed(1)} MB\n`,
  );
  for (const n2 of [0, n]) rmSync(join(ROOT, ".cache", `bench-build-${n2}`), { recursive: true, force: true });
});
