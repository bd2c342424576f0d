import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../helpers/fixtures.ts";
import { copyProject } from "../helpers/project.ts";
import { runScript } from "../helpers/run.ts";

// Each mistake, made in a copy of the project whose dist/ holds a previous site: the build must
// stop with a message naming the file (and line), and leave that dist/ exactly as it was.
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

  it("a cell with an unknown id", async () => {
    const line = lineOf(EN, '<Cell id="raster-three">');
    await withChange(
      EN,
      (t) => t.replace('<Cell id="raster-three">', '<Cell id="raster-four">'),
      async () => {
        const err = await failingBuild();
        expect(err).toContain(`${EN}:${line}: <Cell>: no cell "raster-four"`);
      },
    );
  }, 120_000);

  it("a component with a wrong prop", async () => {
    const line = lineOf(EN, '<Value k="count_neuron_0" />');
    await withChange(
      EN,
      (t) => t.replace('<Value k="count_neuron_0" />', '<Value key="count_neuron_0" />'),
      async () => {
        const err = await failingBuild();
        expect(err).toContain(`${EN}:${line}: <Value>: unknown prop "key"`);
        expect(err).toContain(`${EN}:${line}: <Value>: missing prop "k"`);
      },
    );
  }, 120_000);

  it("a missing UI string", async () => {
    await withChange(
      "src/i18n/ja.json",
      (t) => JSON.stringify({ ...(JSON.parse(t) as Record<string, string>), "figure.showTable": undefined }),
      async () => {
        const err = await failingBuild();
        expect(err).toContain('src/i18n/ja.json: "figure.showTable": missing UI string');
      },
    );
  }, 120_000);

  it("a bad data file", async () => {
    const err = await failingBuild({ SPIKES_FILE: fixture("spikes/bad-nan.npz") });
    expect(err).toContain("bad-nan.npz: neuron 2 holds a NaN at position 1");
  }, 120_000);

  it("and the same copy, repaired, builds", async () => {
    const r = await runScript("build.ts", [], {}, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, "dist", "index.html"), "utf8")).toContain("日本語");
  }, 120_000);
});
