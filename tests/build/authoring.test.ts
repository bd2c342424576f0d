import { cpSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../helpers/fixtures.ts";
import { copyProject, edit } from "../helpers/project.ts";
import { ROOT, runScript } from "../helpers/run.ts";
import { loadPage } from "../helpers/site.ts";

// AUTHORING.md's example chapter, built in a copy of the project exactly as the guide says.
const guide = readFileSync(join(ROOT, "AUTHORING.md"), "utf8");
let dir: string;

/** The code blocks of the guide that stand for files (preceded by `<!-- file: path -->`). */
function guideFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const m of guide.matchAll(/<!-- file: (\S+) -->\n\n```\w*\n([\s\S]*?)```/g)) files[m[1]!] = m[2]!;
  return files;
}

beforeAll(async () => {
  dir = copyProject();
  cpSync(fixture("authoring"), dir, { recursive: true });
  edit(
    dir,
    "src/cells/registry.ts",
    'import * as w1d1Tutorial1 from "./w1d1-tutorial1/index.ts";',
    'import * as exampleHello from "./example-hello/index.ts";\nimport * as w1d1Tutorial1 from "./w1d1-tutorial1/index.ts";',
  );
  edit(
    dir,
    "src/cells/registry.ts",
    '  "w1d1/tutorial1": w1d1Tutorial1,',
    '  "w1d1/tutorial1": w1d1Tutorial1,\n  "example/hello": exampleHello,',
  );
  const r = await runScript("build.ts", [], { OUT_DIR: join(dir, "dist") }, dir);
  if (r.code !== 0) throw new Error(r.stderr);
}, 300_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("AUTHORING.md", () => {
  it("quotes the example's files exactly as they are in tests/fixtures/authoring", () => {
    const files = guideFiles();
    expect(Object.keys(files).sort()).toEqual(["content/en/example/hello/index.mdx", "src/cells/example-hello/index.ts"]);
    for (const [path, text] of Object.entries(files)) expect(text, path).toBe(readFileSync(fixture(`authoring/${path}`), "utf8"));
  });

  it("its example chapter builds: figure, number from the data, and a fallback in the other language", () => {
    const page = loadPage(join(dir, "dist"), "en/example/hello/");
    expect(page.querySelector('[data-cell="first-counts"] svg')).not.toBeNull();
    expect(Number(page.querySelector('[data-output="total_spikes"]')!.getAttribute("data-value"))).toBeGreaterThan(7_000_000);
    expect(page.getElementById("counting-spikes")).not.toBeNull();
    const ja = loadPage(join(dir, "dist"), "ja/example/hello/");
    expect(ja.querySelector(".translation-notice")).not.toBeNull();
  });
});
