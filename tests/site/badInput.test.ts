import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../helpers/fixtures.ts";
import { checkCourse, checkSiteStrings } from "../../src/checks/checkCourse.ts";
import { discoverChapters } from "../../src/integration/discover.ts";
import { uiStringsSchema } from "../../src/translation/strings/schema.ts";
import { copyProject } from "../helpers/project.ts";
import { runScript } from "../helpers/run.ts";
import { formatProblem } from "../../src/lib/problem.ts";

// Each mistake, made in a copy of the project whose dist/ holds a previous site: the build must
// stop with a message naming the file (and line), and leave that dist/ exactly as it was. Two
// are made to the whole build; the rest to the check it runs first, called in process.
const CELLS =
  "spike-count-distribution, spike-count-histogram, spike-count-median, spike-count-quartiles, raster-single, raster-three, raster-population, isi-histogram, isi-function-explorer";
let dir: string;
const EN = "content/en/w1d1/tutorial1/index.mdx";
const marker = () =>
  createHash("sha256")
    .update(readFileSync(join(dir, "dist", "index.html")))
    .digest("hex");

beforeAll(() => {
  dir = copyProject();
  mkdirSync(join(dir, "dist"));
  writeFileSync(join(dir, "dist", "index.html"), "<!doctype html><title>the previous site</title>");
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function failingBuild(env: Record<string, string> = {}): Promise<string> {
  const before = marker();
  const r = await runScript("build.ts", [], env, dir);
  expect(r.code, r.stderr).toBe(1);
  expect(marker()).toBe(before);
  expect(r.stderr).not.toMatch(/^\s+at /m); // a message, not a stack trace
  return r.stderr;
}

/** Applies a change for one test and undoes it afterwards. */
async function withChange(path: string, change: (text: string) => string, run: () => Promise<void>): Promise<void> {
  const file = join(dir, path);
  const original = readFileSync(file, "utf8");
  writeFileSync(file, change(original));
  try {
    await run();
  } finally {
    writeFileSync(file, original);
  }
}

const lineOf = (path: string, needle: string) =>
  readFileSync(join(dir, path), "utf8")
    .split("\n")
    .findIndex((l) => l.includes(needle)) + 1;

describe("a bad input stops the build and leaves dist/ as it was", () => {
  it("malformed MDX: names the file and line", async () => {
    const line = lineOf(EN, '<Cell id="raster-single">');
    await withChange(
      EN,
      (t) => t.replace('<Cell id="raster-single">', '<Cell id="raster-single"'),
      async () => {
        const err = await failingBuild();
        expect(err).toContain(`${EN}:${line}`);
      },
    );
  }, 120_000);

  // The build's own check, called in process on the copy (what the build runs first, without the build around it).
  const courseProblems = async () =>
    [...checkSiteStrings(dir, "en", uiStringsSchema).problems, ...(await checkCourse(dir, discoverChapters(dir), "en"))].map(formatProblem);

  it("a cell with an unknown id", async () => {
    const line = lineOf(EN, '<Cell id="raster-three">');
    await withChange(
      EN,
      (t) => t.replace('<Cell id="raster-three">', '<Cell id="raster-four">'),
      async () => {
        expect(await courseProblems()).toContain(`${EN}:${line}: <Cell>: no cell "raster-four" (there are: ${CELLS})`);
      },
    );
  });

  it("a component with a wrong prop", async () => {
    const line = lineOf(EN, '<Value k="count_neuron_0" />');
    await withChange(
      EN,
      (t) => t.replace('<Value k="count_neuron_0" />', '<Value key="count_neuron_0" />'),
      async () => {
        const problems = await courseProblems();
        expect(problems).toContain(`${EN}:${line}: <Value>: unknown prop "key" (props: k)`);
        expect(problems).toContain(`${EN}:${line}: <Value>: missing prop "k"`);
      },
    );
  });

  it("a missing UI string", async () => {
    await withChange(
      "src/translation/ui/ja.json",
      (t) => JSON.stringify({ ...(JSON.parse(t) as Record<string, string>), "figure.showTable": undefined }),
      async () => {
        expect(await courseProblems()).toContain('src/translation/ui/ja.json: "figure.showTable": missing UI string');
      },
    );
  });

  it("a bad data file", async () => {
    const err = await failingBuild({ SPIKES_FILE: fixture("spikes/bad-nan.npz") });
    expect(err).toContain("bad-nan.npz: neuron 2 holds a NaN at position 1");
  }, 120_000);
});
