import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../helpers/fixtures.ts";
import { copyProject } from "../helpers/project.ts";
import { ROOT, runScript } from "../helpers/run.ts";
import { loadPage } from "../helpers/site.ts";

// AUTHORING.md's example chapter, added to a copy of the project exactly as the guide says:
// new files only.
const guide = readFileSync(join(ROOT, "AUTHORING.md"), "utf8");
const EXAMPLE = fixture("authoring");
const exampleFiles = readdirSync(EXAMPLE, { recursive: true, encoding: "utf8" }).filter((f) => /\.\w+$/.test(f));
let dir: string;
let build: { code: number; stderr: string };

/** The code blocks of the guide that stand for files (preceded by `<!-- file: path -->`). */
function guideFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const m of guide.matchAll(/<!-- file: (\S+) -->\n\n```\w*\n([\s\S]*?)```/g)) files[m[1]!] = m[2]!;
  return files;
}

beforeAll(async () => {
  dir = copyProject();
  for (const file of exampleFiles) if (existsSync(join(dir, file))) throw new Error(`the example would overwrite ${file}`);
  cpSync(EXAMPLE, dir, { recursive: true });
  build = await runScript("build.ts", [], { OUT_DIR: join(dir, "dist") }, dir);
}, 300_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("AUTHORING.md", () => {
  it("quotes the example's files exactly as they are in tests/fixtures/authoring", () => {
    const files = guideFiles();
    expect(Object.keys(files).sort()).toEqual([...exampleFiles].sort());
    for (const [path, text] of Object.entries(files)) expect(text, path).toBe(readFileSync(join(EXAMPLE, path), "utf8"));
  });

  it("its example chapter builds from new files only: figure, number from the data, a fallback in the other language", () => {
    expect(build.code, build.stderr).toBe(0);
    const page = loadPage(join(dir, "dist"), "en/example/hello/");
    expect(page.querySelector('[data-cell="first-counts"] svg')).not.toBeNull();
    expect(page.querySelector('[data-cell="first-counts"] .cell-figure')!.getAttribute("aria-label")).toMatch(
      /^Spike counts of neurons 0 to 9: \d+/,
    );
    expect(Number(page.querySelector('[data-output="total_spikes"]')!.getAttribute("data-value"))).toBeGreaterThan(7_000_000);
    expect(page.getElementById("counting-spikes")).not.toBeNull();
    const ja = loadPage(join(dir, "dist"), "ja/example/hello/");
    expect(ja.querySelector(".translation-notice")).not.toBeNull();
    // Tutorial 1 still builds beside it, and both chapters read the one dataset: loaded once.
    expect(loadPage(join(dir, "dist"), "en/w1d1/tutorial1/").querySelector('[data-cell="isi-histogram"]')).not.toBeNull();
    expect(build.stderr).toMatch(/data: load \+ validate \(1 dataset\(s\)\)/);
  });
});
