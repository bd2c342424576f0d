import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Each fact about the course is decided in one module: these tests read the generator's source
// and name any other module that decides it again.
const SRC = join(import.meta.dirname, "../../src");
const sources = readdirSync(SRC, { recursive: true, encoding: "utf8" })
  .filter((f) => /\.(ts|mts|mjs|js|astro)$/.test(f))
  .map((f) => ({ file: `src/${f.split("\\").join("/")}`, text: readFileSync(join(SRC, f), "utf8") }));
/** The modules whose code (comments left out) matches `pattern`. */
const using = (pattern: RegExp) =>
  sources
    .filter(({ text }) => pattern.test(text.replace(/\/\*[\s\S]*?\*\/|(^|[^:"'`])\/\/.*$/gm, "$1")))
    .map((s) => s.file)
    .sort();

describe("one course model", () => {
  it("content/ is listed by one module (src/lib/content/chapterFiles.ts)", () => {
    expect(using(/(readdirSync|opendirSync|globSync|readdir)\([^)]*(["'`]content\b|CONTENT_DIR)/)).toEqual([]);
    expect(using(/(["'`]\*\/\*\*\/index\.mdx|index\\?\.mdx\$?\/)/)).toEqual([]);
    expect(sources.some((s) => s.file === "src/lib/content/chapterFiles.ts" && s.text.includes("readdirSync(content"))).toBe(true);
  });

  it("the course file is read by the build's settings and by a command's --root only", () => {
    expect(using(/from\s+["'][./]*course\.config\.ts["']|import\(\s*[^)]*course\.config/)).toEqual(["src/site.ts"]);
    // The code check reads it too, as code to compile, not as the course's settings.
    expect(using(/join\([^)]*["']course\.config\.ts["']\)/)).toEqual(["src/checks/checkCode.ts", "src/course/courseFile.ts"]);
  });

  it("the environment is read at the edges: the build's settings, the Astro integration, the command line", () => {
    expect(using(/process\.env\b/)).toEqual(["src/integration/integration.ts", "src/lib/cli/runCli.ts", "src/site.ts"]);
  });
});
