import { compile } from "@mdx-js/mdx";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMdxPolicy } from "../../src/lib/content/mdxPolicy.ts";
import { parseMdx } from "../../src/lib/content/parseMdx.ts";
import type { PluggableList } from "unified";
import remarkChapter from "../../src/integration/remarkChapter.ts";
import { copyProject } from "../helpers/project.ts";
import { runScript } from "../helpers/run.ts";
import { runHere } from "../helpers/commands.ts";

const problems = (mdx: string) => checkMdxPolicy(parseMdx(mdx)).map((p) => `${p.line}: ${p.message}`);

// Each attack as a translator's pull request could carry it; the marker file shows whether code ran.
const ATTACKS: [name: string, mdx: (marker: string) => string, expected: RegExp][] = [
  [
    "an import that runs a command at build time",
    (m) => `import { execSync } from "node:child_process"\n\n{execSync("touch ${m}").toString()}\n`,
    /import and export are not allowed/,
  ],
  ["an expression reading the build machine's environment", () => "Home: {process.env.HOME}\n", /expressions are not allowed/],
  ["an export", () => "export const x = 1\n", /import and export are not allowed/],
  ["a prop written as an expression", () => '<Cell id={"spike-count-" + "histogram"} />\n', /must be a literal/],
  ["a spread prop", () => "<Cell {...props} />\n", /spread props/],
  ["a redirecting meta tag", () => '<meta http-equiv="refresh" content="0;url=https://evil.example/" />\n', /<meta> is not allowed/],
  ["a style element hiding the data notice", () => "<style>{`.data-notice{display:none}`}</style>\n", /<style> is not allowed/],
  ["a video iframe loading on page open", () => '<iframe src="https://www.youtube.com/embed/x"></iframe>\n', /<iframe> is not allowed/],
  ["a script element", () => "<script>alert(1)</script>\n", /<script> is not allowed/],
  ["an event handler", () => 'Text <span onMouseOver="alert(1)">here</span>.\n', /event handlers/],
  ["a style attribute", () => 'Text <span style="display:none">here</span>.\n', /attribute "style" is not allowed/],
  ["a javascript: link", () => "[click](javascript:alert(1))\n", /link to "javascript:alert\(1\)" is not allowed/],
  ["a data: link", () => "[click](data:text/html,<script>alert(1)</script>)\n", /is not allowed/],
  ["a remote image", () => "![tracker](https://evil.example/pixel.gif)\n", /images must be files in the chapter.s folder/],
  ["an unknown component", () => "<Evil />\n", /unknown component/],
  // A prop is one line of text everywhere it goes: a video's title is a notebook's `# @title` line.
  [
    "a video title with a line of Python after it",
    () => `<Video id="video-1" title="Intro\nimport os; os.system('id')" youtube="abcdefghijk" bilibili="BV1234567890" />\n`,
    /<Video>: prop "title" holds a line break or control character; a prop is one line of text/,
  ],
  [
    "a video title with a bare carriage return",
    () => `<Video id="video-1" title="Intro\rimport os" youtube="abcdefghijk" bilibili="BV1234567890" />\n`,
    /prop "title" holds a line break/,
  ],
  ["an attribute with a line separator", () => 'Text <abbr title="a\u2028b">x</abbr>.\n', /prop "title" holds a line break/],
];

describe("a chapter is content, not code (checked on its syntax tree)", () => {
  for (const [name, mdx, expected] of ATTACKS) {
    it(`refuses ${name}`, () => {
      const found = problems(`## Heading \\{#h\\}\n\n${mdx("/tmp/never")}`);
      expect(found.join("\n")).toMatch(expected);
      expect(found[0]).toMatch(/^3: /); // at the line of the attack
    });
  }

  it("accepts what chapters use: components with literal props, inline HTML, maths, escaped braces, code", () => {
    const mdx = [
      "## Title \\{#a\\}",
      "",
      'Text with <Value k="n" /> and <code>x == (<Value k="n" />, 2)</code>, <sub>i</sub>, a [link](https://example.org/) and [another](#a).',
      "",
      '<Cell id="c">A caption with <em>emphasis</em>.</Cell>',
      "",
      "`<Cell id={x}>` in inline code is text, and so is this: \\{not an expression\\}.",
      "",
      "```python",
      'print(f"{x}")',
      "```",
      "",
      "$$",
      "x^{2}",
      "$$",
    ].join("\n");
    expect(problems(mdx)).toEqual([]);
  });

  it("requires a stable id on every heading and refuses a duplicate id", () => {
    expect(problems("## One \\{#a\\}\n\n## Two\n\n## Three \\{#a\\}\n")).toEqual([
      '3: heading "Two" has no stable id (write it as: ## Title \\{#some-id\\})',
      '5: section id "a" is already used at line 1; give each section an id of its own',
    ]);
  });

  it("is enforced inside the MDX compiler too, before any code could run", async () => {
    const policy: PluggableList[number] = [remarkChapter, { root: "/nowhere", sourceLocale: "en", idsFor: () => null }];
    await expect(compile('import fs from "node:fs"\n\n{fs.readFileSync("/etc/passwd")}\n', { remarkPlugins: [policy] })).rejects.toThrow(
      /import and export are not allowed/,
    );
    await expect(compile("![x](../../../../etc/passwd?raw)\n", { remarkPlugins: [policy] })).rejects.toThrow(/query/);
    await expect(compile("## Fine \\{#a\\}\n\nText.\n", { remarkPlugins: [policy] })).resolves.toBeTruthy();
  });
});

describe("a contributed translation cannot run code or change the site", () => {
  let dir: string;
  const JA = "content/ja/w1d1/tutorial1/index.mdx";
  let original: string;
  beforeAll(() => {
    dir = copyProject();
    mkdirSync(join(dir, "dist"));
    writeFileSync(join(dir, "dist", "index.html"), "the previous site");
    original = readFileSync(join(dir, JA), "utf8");
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("the command-running chapter: i18n:check and the build refuse it with file:line, the command never runs, dist/ stays", async () => {
    const marker = join(dir, "marker-was-created");
    const attack = `\nimport { execSync } from "node:child_process"\n\n{execSync("touch ${marker}").toString()}\n`;
    writeFileSync(join(dir, JA), original.replace("## セットアップ", `${attack}\n## セットアップ`));
    const line = original.split("\n").findIndex((l) => l.startsWith("## セットアップ")) + 2;
    const check = await runHere("i18n-check", ["--root", dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`error: ${JA}:${line}: import and export are not allowed`);
    const build = await runScript("build.ts", [], {}, dir);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(`${JA}:${line}: import and export are not allowed`);
    expect(build.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(marker)).toBe(false);
    expect(readFileSync(join(dir, "dist", "index.html"), "utf8")).toBe("the previous site");
    writeFileSync(join(dir, JA), original);
  }, 120_000);

  it("raw HTML that would redirect readers or hide the data notice: refused by the build", async () => {
    writeFileSync(
      join(dir, JA),
      original.replace(
        "## セットアップ",
        '<meta http-equiv="refresh" content="0;url=https://evil.example/" />\n\n<style>{".data-notice{display:none}"}</style>\n\n## セットアップ',
      ),
    );
    const build = await runScript("build.ts", [], {}, dir);
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(new RegExp(`${JA}:\\d+: <meta> is not allowed`));
    expect(build.stderr).toMatch(new RegExp(`${JA}:\\d+: <style> is not allowed`));
    expect(readFileSync(join(dir, "dist", "index.html"), "utf8")).toBe("the previous site");
    writeFileSync(join(dir, JA), original);
  }, 120_000);

  it("images that would run code, print the machine's files or carry script: refused by i18n:check and the build, nothing read is printed", async () => {
    const marker = join(dir, "image-module-ran");
    const folder = join(dir, "content/ja/w1d1/tutorial1");
    writeFileSync(
      join(folder, "diagram-data.js"),
      `import { writeFileSync } from "node:fs"; writeFileSync(${JSON.stringify(marker)}, process.env.COURSE_SECRET ?? ""); export default "x.png";\n`,
    );
    writeFileSync(join(folder, "drawing.svg"), '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/sw.js")</script></svg>');
    const images = [
      "![f](./diagram-data.js)",
      "![x](../../../../../../../proc/self/environ?raw)",
      "![p](../../../../../../../etc/passwd)",
      "![d](drawing.svg)",
    ];
    writeFileSync(join(dir, JA), original.replace("## セットアップ", `${images.join("\n\n")}\n\n## セットアップ`));
    const env = { COURSE_SECRET: "s3cr3t-for-the-test" };
    const check = await runScript("i18n-check.ts", ["--root", dir], env);
    const build = await runScript("build.ts", [], env, dir);
    for (const r of [check, build]) {
      expect(r.code).toBe(1);
      const out = r.stdout + r.stderr;
      expect(out).toMatch(new RegExp(`${JA}:\\d+: image "\\./diagram-data\\.js" is not an image file`));
      expect(out).toMatch(new RegExp(`${JA}:\\d+: image ".*environ\\?raw": a query`));
      expect(out).toMatch(new RegExp(`${JA}:\\d+: image ".*etc/passwd" is outside the chapter's folder`));
      expect(out).toMatch(new RegExp(`${JA}:\\d+: image "drawing\\.svg" is not a safe SVG: <script> is not allowed`));
      expect(out).not.toContain("s3cr3t-for-the-test");
      expect(out).not.toMatch(/root:x:0:0|PATH=/);
      expect(out).not.toMatch(/^\s+at /m);
    }
    expect(existsSync(marker)).toBe(false);
    expect(readFileSync(join(dir, "dist", "index.html"), "utf8")).toBe("the previous site");
    writeFileSync(join(dir, JA), original);
    rmSync(join(folder, "diagram-data.js"));
    rmSync(join(folder, "drawing.svg"));
  }, 120_000);
});
