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

  it("the course file is read by one module (src/course/courseFile.ts), for the model and a command's --root alike", () => {
    expect(using(/from\s+["'][./]*course\.config(\.ts)?["']|import\(\s*["'][./]*course\.config/)).toEqual([]);
    // Its name is said once (lib/courseConfig.ts names it in messages when given no path).
    expect(using(/["']course\.config\.ts["']/)).toEqual(["src/course/courseFile.ts", "src/lib/courseConfig.ts"]);
    expect(using(/await import\(\s*pathToFileURL\(/)).toEqual(["src/course/courseFile.ts"]);
  });

  it("the environment is read at the edges: the command line (and astro.config.mjs, which builds the model)", () => {
    expect(using(/process\.env\b/)).toEqual(["src/lib/cli/runCli.ts"]);
  });

  it("pages get the model from the integration: only the page model's course module imports it", () => {
    expect(using(/["']virtual:course\/model["']/)).toEqual([
      "src/integration/integration.ts",
      "src/integration/virtual.d.ts",
      "src/pageModel/course.ts",
    ]);
    // Nothing but the model decides the site's locales: no module lists the strings folder with the bundler.
    expect(using(/import\.meta\.glob\([^)]*translation\/ui/)).toEqual([]);
  });

  it("problems are values (src/lib/problem.ts): no check returns them as text, no code branches on a message's wording", () => {
    expect(
      using(/\b(message|problem)\.(includes|startsWith|endsWith|search|indexOf|match)\(|\.message\.(includes|startsWith|endsWith)\(/),
    ).toEqual([]);
    const checks = sources.filter((s) => /^src\/(checks|integration|course)\//.test(s.file));
    expect(checks.filter((s) => /problems: (readonly )?string\[\]|Promise<string\[\]>/.test(s.text)).map((s) => s.file)).toEqual([]);
  });
});
