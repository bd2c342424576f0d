import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CONTENT_LIMITS } from "../src/lib/content/limits.ts";
import { courseOfRoot } from "../src/course/courseFile.ts";
import { courseChapters } from "./lib/courseChapters.ts";
import { PROJECT_PARTS } from "./lib/projectParts.ts";
import { chapterFilePath } from "../src/lib/content/chapterFiles.ts";

// Hostile chapter files (each within the 1 MB cap, put in place of the Japanese chapter of a
// copy of the project) run through `i18n:check` in a process of its own: its wall time and
// peak memory (the checking thread's included) are printed, and the run fails if one takes
// longer than BUDGET_S. Usage: npm run bench:hostile [-- --budget 40]

const ROOT = resolve(import.meta.dirname, "..");
const { sourceLocale: SOURCE } = await courseOfRoot(ROOT);
const budget = Number(process.argv[process.argv.indexOf("--budget") + 1] ?? "") || 40;
// The file replaced: the course's first chapter in a language other than the source's.
const translated = courseChapters(ROOT).flatMap((c) => c.locales.filter((l) => l !== SOURCE).map((l) => chapterFilePath(l, c.slug)));
const JA = translated[0] ?? chapterFilePath(SOURCE, courseChapters(ROOT)[0]!.slug);
const pad = (n: number) => " ".repeat(n);

const CASES: Record<string, string> = {
  "8 KB of list markers": "- ".repeat(4096),
  "8 KB of quote markers": "> ".repeat(4096),
  "indented list, 700 levels": Array.from({ length: 700 }, (_, i) => `${pad(2 * i)}- x`).join("\n"),
  "nested emphasis, 2,000 deep": `${"*a ".repeat(2000)}b${" a*".repeat(2000)}`,
  "nested emphasis, 20,000 deep": `${"*a ".repeat(20_000)}b${" a*".repeat(20_000)}`,
  "20,000 emphasis markers that never pair": `${"*a ".repeat(10_000)}${"a_ ".repeat(10_000)}`,
  "links nested 5,000 deep": `${"[".repeat(5000)}a${"](x)".repeat(5000)}`,
  "20,000 closing brackets with no opening one": "x] ".repeat(20_000),
  "50,000 references with no definition": "[a] ".repeat(50_000),
  "20,000 single-tilde pairs": "a~b ".repeat(20_000),
  "20,000 character references in one paragraph": "a &amp; b ".repeat(20_000),
  "a paragraph of 20,000 lines": "word word\n".repeat(20_000),
  "a list of 100,000 items (slow to parse)": "- a\n".repeat(100_000),
  "300 KB paragraph of \\<a": "\\<a ".repeat(75_000),
  "400 KB paragraph of links": "[a](#x) ".repeat(50_000),
  "400 KB paragraph of code spans": "`x` ".repeat(100_000),
  "500 KB paragraph of emphasis": "*強調* ".repeat(60_000),
  "unclosed fences and maths, 20,000 each": "```\n$$\n".repeat(20_000),
  "a heading with 500 KB of trailing spaces": `## Notes ${pad(500_000)}\\{#notes\\}`,
  "1.5 MB of words (over the cap)": "word ".repeat(300_000),
};

const project = mkdtempSync(join(tmpdir(), "bench-hostile-"));
for (const part of PROJECT_PARTS) cpSync(join(ROOT, part), join(project, part), { recursive: true });
symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"));
const original = readFileSync(join(project, JA), "utf8");
// Runs a command as npm would (node scripts/<name>.ts), reporting the process's peak memory when it ends.
writeFileSync(
  join(project, "measure.mjs"),
  'process.on("exit", () => process.stderr.write(`\\nmaxrss ${process.resourceUsage().maxRSS}\\n`));\n',
);

console.log(
  `limits: ${CONTENT_LIMITS.chapterBytes / 1024 / 1024} MB a chapter, ${CONTENT_LIMITS.depth} levels, ${CONTENT_LIMITS.children} parts a node, ${CONTENT_LIMITS.checkMs / 1000} s and ${CONTENT_LIMITS.checkHeapMb} MB for reading one file`,
);
console.log(`${"input".padEnd(46)} ${"KB".padStart(6)} ${"i18n:check s".padStart(13)} ${"peak MB".padStart(8)}  result`);
let over = 0;
try {
  for (const [name, body] of Object.entries(CASES)) {
    const text = original.replace("## セットアップ", `${body}\n\n## セットアップ`);
    writeFileSync(join(project, JA), text);
    const started = performance.now();
    const r = spawnSync(process.execPath, ["--import", "./measure.mjs", "scripts/i18n-check.ts"], { cwd: project, encoding: "utf8" });
    const out = `${r.stdout}${r.stderr}`;
    const seconds = (performance.now() - started) / 1000;
    const rss = Number(/maxrss (\d+)/.exec(out)?.[1] ?? 0) / 1024;
    const result = out.includes("chapter file(s) refused")
      ? `refused: ${/(takes longer|needs more|more than such a file|not UTF-8|symbolic link)/.exec(out)?.[1] ?? "see i18n:check"}`
      : /\b0 error\(s\)/.test(out)
        ? "accepted"
        : `errors: ${(/error: [^:]+:\d+: (.{0,60})/.exec(out)?.[1] ?? "").trim()}`;
    if (seconds > budget) over++;
    console.log(
      `${name.padEnd(46)} ${(Buffer.byteLength(text) / 1024).toFixed(0).padStart(6)} ${seconds.toFixed(1).padStart(13)} ${rss.toFixed(0).padStart(8)}  ${result}`,
    );
  }
} finally {
  rmSync(project, { recursive: true, force: true });
}
if (over) {
  console.error(`${over} input(s) took longer than the ${budget} s budget`);
  process.exitCode = 1;
}
