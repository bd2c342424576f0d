import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Root } from "mdast";
import type { Processor } from "unified";
import { VFile } from "vfile";
import { beforeAll, describe, expect, it } from "vitest";
import { chapterMarkdown, remarkSharedParser } from "../../src/integration/markdown.ts";
import { uiStringsOf } from "../helpers/uiStrings.ts";
import { MdxSyntaxError, parseMdx } from "../../src/lib/content/parseMdx.ts";
import { ROOT } from "../helpers/run.ts";

// The differential test of issue 18: the tree the content check reads must be the tree Astro's
// MDX compiler builds from the same file, for every chapter we have and every form that once
// let the two disagree. The compiler's side is @astrojs/mdx's own processor and frontmatter cut.
const mdxDist = (file: string) => pathToFileURL(join(ROOT, "node_modules/@astrojs/mdx/dist", file)).href;
let compiler: Processor;
let cut: (code: string, id: string) => { content: string };

beforeAll(async () => {
  // The MDX compiler of the unified processor the course uses (@astrojs/markdown-remark's).
  const processorModule = pathToFileURL(join(ROOT, "node_modules/@astrojs/markdown-remark/dist/mdx/create-processor.js")).href;
  const { createMdxProcessor } = (await import(processorModule)) as {
    createMdxProcessor: (options: object, extra: object) => Processor;
  };
  ({ safeParseFrontmatter: cut } = (await import(mdxDist("utils.js"))) as { safeParseFrontmatter: typeof cut });
  const markdown = chapterMarkdown({
    root: ROOT,
    sourceLocale: "en",
    locales: ["en", "ja"],
    coreStrings: uiStringsOf(),
    idsFor: () => null,
  });
  // The compiler's own parser (remark-parse and its extensions), not the shared tree the site
  // hands it (remarkSharedParser): what this test shows equal is what makes sharing safe.
  const own = markdown.options.remarkPlugins.filter((p) => p !== remarkSharedParser);
  expect(own).toHaveLength(markdown.options.remarkPlugins.length - 1);
  compiler = createMdxProcessor(
    {
      remarkPlugins: own,
      rehypePlugins: [],
      recmaPlugins: [],
      remarkRehype: {},
      gfm: true,
      smartypants: false,
      syntaxHighlight: false,
      optimize: false,
    },
    { sourcemap: false },
  );
});

/** The compiler's syntax tree of a file (before any of its plugins ran). */
function compilerTree(text: string, path: string): Root {
  const { content } = cut(text, path);
  return compiler.parse(new VFile({ value: content, path })) as Root;
}

const chapterFiles = [ROOT, join(ROOT, "tests/fixtures/generator"), join(ROOT, "tests/fixtures/authoring")].flatMap((root) =>
  readdirSync(join(root, "content"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".mdx"))
    .map((f) => join(root, "content", f)),
);

const fm = "---\ntitle: T\n---\n";
// Forms the two parsers once read differently, and the syntax a chapter may use.
const CASES: Record<string, string> = {
  "a GFM table with components": `${fm}| a | b |\n| - | - |\n| <Value k="x" /> | <Cell id="y" /> |\n`,
  "footnotes, strikethrough, task lists, autolinks": `${fm}Text[^1] ~~gone~~ www.example.org\n\n- [x] done\n\n[^1]: A note.\n`,
  "maths inline and displayed": `${fm}Inline $a_{i}$ and\n\n$$\n\\frac{1}{2}\n$$\n`,
  "a fence inside a longer fence": `${fm}\`\`\`\`text\n\`\`\`\n## Not a heading \\{#no\\}\n\`\`\`\n\`\`\`\`\n\n## Yes \\{#yes\\}\n`,
  "components around prose": `${fm}<Solution>\n\nSome *text* and <code>x</code>.\n\n</Solution>\n`,
  "setext headings and indented code": `${fm}Title\n=====\n\n    indented code\n\nPara\n---\n`,
  "escaped braces and angle brackets": `${fm}\\{not code\\} and \\<b> and a < b\n`,
  "CRLF line ends": "---\r\ntitle: T\r\n---\r\n\r\n## A \\{#a\\}\r\n\r\nText.\r\n",
  "no frontmatter": "## A \\{#a\\}\n\nText.\n",
  "a thematic break that looks like a fence": `${fm}Text\n\n---\n\nMore\n`,
};
// Forms the check refuses outright (the compiler would read them differently from a person).
const REFUSED: Record<string, string> = {
  "a closing fence with more on its line": "---\ntitle: x\n---x\n<Video id={x} />\n---\n",
  "TOML fences": "+++\ntitle = 'x'\n+++\n\nText\n",
  "mixed fences": "---\ntitle: x\n+++\nText\n---\n",
  "a byte-order mark": "\uFEFF---\ntitle: x\n---\n\nText\n",
  "blank lines first": "\n---\ntitle: x\n---\n\nText\n",
  "an opening fence with more on its line": "---title: x\n---\nText\n",
};

describe("the content check reads the tree the compiler compiles", () => {
  for (const file of chapterFiles) {
    it(`the same tree: ${file.slice(ROOT.length)}`, () => {
      const text = readFileSync(file, "utf8");
      expect(parseMdx(text)).toEqual(compilerTree(text, file));
    });
  }
  for (const [name, text] of Object.entries(CASES)) {
    it(`the same tree: ${name}`, () => {
      expect(parseMdx(text)).toEqual(compilerTree(text, "/x/content/en/c/index.mdx"));
    });
  }
  for (const [name, text] of Object.entries(REFUSED)) {
    it(`frontmatter the two would read differently is refused: ${name}`, () => {
      expect(() => parseMdx(text)).toThrow(MdxSyntaxError);
    });
  }
});
