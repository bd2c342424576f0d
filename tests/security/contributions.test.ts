import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkChapterFiles, checkCourse, checkSiteStrings } from "../../src/checks/checkCourse.ts";
import { uiStringsSchema } from "../../src/translation/strings/schema.ts";
import { chapterText, makeCourse, PNG_1X1, pngOfSize, type FixtureFile } from "../helpers/course.ts";
import { copyProject } from "../helpers/project.ts";
import { runHere } from "../helpers/commands.ts";
import { formatProblem } from "../../src/lib/problem.ts";

// Each contribution a pull request under content/ could carry, checked as the build checks it
// (in process, on a small course of its own): refused in one line naming file and line, before
// the compiler (which would import an image as a module, or print a file it cannot read) sees it.
const EN = "content/en/ch/index.mdx";
const JA = "content/ja/ch/index.mdx";
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

async function problemsOf(files: Readonly<Record<string, FixtureFile>>, cells: string[] = []): Promise<string[]> {
  const root = makeCourse(files);
  roots.push(root);
  const chapters = cells.length
    ? [
        {
          slug: "ch",
          file: "chapters/ch/chapter.ts",
          definition: { datasets: {}, summarize: () => ({}), cells: [] } as never,
          cells: cells.map((id) => ({ view: { id } })) as never,
          views: new Map(),
          strings: new Map(),
          stringProblems: [],
        },
      ]
    : [];
  return (await checkCourse(root, chapters, "en"))
    .map(formatProblem)
    .filter((p) => !p.includes("uses this module") && !p.includes("browser code"));
}

const withBody = (body: string, extra: Record<string, FixtureFile> = {}) =>
  problemsOf({ [EN]: chapterText(`## One \\{#one\\}\n\n${body}\n`), ...extra });

describe("images are files of the chapter's folder, and data", () => {
  it("a file without an image extension is never imported (it could be a module that runs)", async () => {
    const found = await withBody("![f](./diagram-data.js)", { "content/en/ch/diagram-data.js": "export default process.env" });
    expect(found).toEqual([`${EN}:11: image "./diagram-data.js" is not an image file (allowed: png, jpg, jpeg, gif, webp, avif, svg)`]);
  });

  it("paths that reach files elsewhere, or read them as text, are refused without reading them", async () => {
    for (const [url, why] of [
      ["../../../../../../../proc/self/environ?raw", /a query \(\?…\) or fragment/],
      ["/etc/passwd?raw", /a query/],
      ["../../etc/passwd", /outside the chapter's folder/],
      ["../../../etc/shadow.png", /outside the chapter's folder/],
      ["%2e%2e/%2e%2e/secret.png", /outside the chapter's folder/],
      ["/favicon.svg", /relative to the chapter's folder/],
      ["file:///etc/passwd", /not addresses/],
      ["fig.png#x", /fragment/],
    ] as const) {
      const found = await withBody(`![x](${url})`);
      expect(found, url).toHaveLength(1);
      expect(found[0], url).toMatch(why);
      expect(found[0]).toMatch(new RegExp(`^${EN}:11: `));
      expect(found[0]).not.toMatch(/root:|PATH=/);
    }
  });

  it("an image reference's definition is an image address too", async () => {
    const found = await withBody("![d][data]\n\n[data]: ../../../etc/passwd?raw");
    expect(found.join("\n")).toMatch(/image "\.\.\/\.\.\/\.\.\/etc\/passwd\?raw": a query/);
  });

  it("a file that is not the image it says it is: refused; a real one: accepted", async () => {
    expect(await withBody("![f](fig.png)", { "content/en/ch/fig.png": "export default 1" })).toEqual([
      `${EN}:11: image "fig.png" is not a PNG image (its first bytes say otherwise)`,
    ]);
    expect(await withBody("![f](fig.png)", { "content/en/ch/fig.png": PNG_1X1 })).toEqual([]);
    expect(await withBody("![f](./img/fig.png)", { "content/en/ch/img/fig.png": PNG_1X1 })).toEqual([]);
    expect(await withBody("![f](missing.png)")).toEqual([
      `${EN}:11: image "missing.png" is not in content/en/ch/ (images are files beside the chapter)`,
    ]);
  });

  it("a translation shows its own images, or its source's", async () => {
    const found = await problemsOf({
      [EN]: chapterText("## One \\{#one\\}\n\n![f](fig.png)\n"),
      [JA]: chapterText("## 一 \\{#one\\}\n\n![f](fig.png)\n\n![g](only-ja.png)\n\n![h](nowhere.png)\n"),
      "content/en/ch/fig.png": PNG_1X1,
      "content/ja/ch/only-ja.png": PNG_1X1,
    });
    expect(found).toEqual([
      `${JA}:15: image "nowhere.png" is not in content/ja/ch/ or content/en/ch/ (images are files beside the chapter)`,
    ]);
  });

  it("symbolic links are refused wherever they are under content/", async () => {
    const found = await withBody("![f](fig.png)", { "content/en/ch/fig.png": { symlink: "/etc/passwd" } });
    expect(found).toEqual(["content/en/ch/fig.png: is a symbolic link; contributed files must be plain files"]);
  });

  const svg = (inner: string, attrs = "") => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${attrs}>${inner}</svg>`;
  for (const [name, text, why] of [
    ["a script element", svg("<script>alert(document.domain)</script>"), /<script> is not allowed/],
    ["an event handler", svg('<rect width="1" height="1" onclick="alert(1)"/>'), /event handler/],
    ["a load handler on the root", svg("", ' onload="alert(1)"'), /event handler/],
    ["foreign HTML", svg("<foreignObject><div>x</div></foreignObject>"), /<foreignObject> is not allowed/],
    ["a javascript: link", svg('<a href="javascript:alert(1)"><text>x</text></a>'), /holds script/],
    ["an entity-hidden javascript: link", svg('<a href="&#106;avascript:alert(1)"><text>x</text></a>'), /holds script/],
    ["an outside reference", svg('<use href="https://evil.example/x.svg#a"/>'), /outside the drawing/],
    ["an imported stylesheet", svg('<style>@import url("https://evil.example/x.css");</style>'), /@import/],
    ["a DTD with entities", `<!DOCTYPE svg [<!ENTITY x "y">]>${svg("")}`, /DTD/],
    ["CDATA", svg("<style><![CDATA[ * {} ]]></style>"), /CDATA/],
    ["an animation rewriting a link", svg('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a>'), /<set> is not allowed/],
    // CSS by allow-list: nothing that loads, however it is spelt.
    [
      "an image-set() in a style element",
      svg('<style>svg{background-image:image-set("https://evil.example/t.png" 1x)}</style>'),
      /background-image/,
    ],
    [
      "a -webkit-image-set() in a style attribute",
      svg(`<rect style="fill:red;background:-webkit-image-set('https://evil.example/t.png' 1x)"/>`),
      /"background"/,
    ],
    ["an image-set() in an allowed property", svg(`<rect style="fill:image-set('https://evil.example/t.png' 1x)"/>`), /image-set\(\)/],
    ["a url() to another site in a fill", svg('<rect fill="url(https://evil.example/p.svg#g)"/>'), /outside the drawing/],
    ["a url() hidden by an XML character reference", svg('<rect style="fill:&#117;rl(https://evil.example/x)"/>'), /outside the drawing/],
    ["a url() hidden by a CSS escape", svg("<style>rect{fill:\\75 rl(https://evil.example/x)}</style>"), /CSS escapes/],
    ["a font loaded from elsewhere", svg('<style>@font-face{font-family:x;src:url("https://evil.example/f.woff")}</style>'), /at-rule/],
    ["a cursor from elsewhere", svg('<rect cursor="url(https://evil.example/c.png), auto"/>'), /outside the drawing/],
    ["a property that is not a drawing's", svg("<style>rect{content:'x'}</style>"), /"content"/],
    ["a comment hiding the rest of a style", svg("<style>rect{fill:red} /* x</style>"), /not closed/],
    // An embedded image is the image it says it is, within the limits.
    [
      "an embedded 'image' that is a script",
      svg(`<image href="data:image/png;base64,${btoa("<script>alert(1)</script>")}"/>`),
      /not the PNG/,
    ],
    ["an embedded image of another type", svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'), /outside the drawing/],
    [
      "an embedded image past the pixel limit",
      svg(`<image href="data:image/png;base64,${pngOfSize(9000, 9000).toString("base64")}"/>`),
      /at most 40 million pixels/,
    ],
  ] as const) {
    it(`an SVG with ${name} is refused`, async () => {
      const found = await withBody("![d](d.svg)", { "content/en/ch/d.svg": text });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^content\/en\/ch\/index\.mdx:11: image "d\.svg" is not a safe SVG: /);
      expect(found[0]).toMatch(why);
    });
  }

  it("an SVG as drawing tools write it (metadata, styles, gradients, clip paths) is accepted", async () => {
    const drawing = `<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!-- Created with matplotlib -->
<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="100pt" height="50pt" viewBox="0 0 100 50" xmlns="http://www.w3.org/2000/svg" version="1.1">
 <metadata><rdf:RDF xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><cc:Work><dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage"/><dc:title>fig</dc:title></cc:Work></rdf:RDF></metadata>
 <defs><style type="text/css">*{stroke-linejoin: round;}</style><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><clipPath id="c"><rect width="100" height="50"/></clipPath></defs>
 <g clip-path="url(#c)"><path d="M 0 0 L 10 10 &amp; " style="fill: url(#g); stroke: #000"/><use xlink:href="#c"/><text x="1" y="9">a &lt; b</text></g>
 <image width="1" height="1" xlink:href="data:image/png;base64,${PNG_1X1.toString("base64")}"/>
</svg>`;
    expect(await withBody("![d](d.svg)", { "content/en/ch/d.svg": drawing })).toEqual([]);
  });
});

describe("images by what decoding them costs", () => {
  const big = pngOfSize(6324, 6324); // 40 million pixels: one is allowed

  it("a chapter's images together: the image past the chapter's limit is named with its line", async () => {
    const found = await withBody("![a](a.png)\n\n![b](b.png)\n\n![a again](a.png)", {
      "content/en/ch/a.png": big,
      "content/en/ch/b.png": big,
    });
    expect(found).toEqual([
      `${EN}:13: image "b.png" brings the chapter's images to 80 million pixels to decode; a chapter may have 64 million (make them smaller, or fewer)`,
    ]);
  });

  it("the course's images together, each file once: one line naming the largest", async () => {
    const files: Record<string, FixtureFile> = {};
    for (let n = 1; n <= 26; n++) {
      files[`content/en/ch${n}/index.mdx`] = chapterText(`## One \\{#one\\}\n\n![f](f.png)\n`);
      files[`content/en/ch${n}/f.png`] = big;
    }
    const found = await problemsOf(files);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^content: the course's images add up to 1039.8 million pixels to decode; a course may have 1000 million \(largest: content\/en\/ch1\/f\.png \(40 million\), /,
    );
    delete files["content/en/ch26/index.mdx"];
    expect(await problemsOf(files)).toEqual([]);
  });
});

describe("routes are the site's, names follow one rule", () => {
  it("a chapter whose path is a route of the site is refused with file:line, by the build and by i18n:check", async () => {
    const files = {
      "content/en/translation-status/index.mdx": chapterText("## One \\{#one\\}\n"),
      "content/en/ch/notebook.ipynb/index.mdx": chapterText("## One \\{#one\\}\n"),
      "content/en/index.mdx": chapterText("## One \\{#one\\}\n"),
      [EN]: chapterText("## One \\{#one\\}\n\n![x](..x.png)\n"),
      "content/en/ch/..x.png": PNG_1X1,
      "content/en/ch/fig 1.png": PNG_1X1,
    };
    const expected = [
      "content/en/ch/..x.png: a file's name must be letters, digits, - and _, then one dot and its extension (figure-1.png)",
      "content/en/ch/fig 1.png: a file's name must be letters, digits, - and _, then one dot and its extension (figure-1.png)",
      "content/en/ch/notebook.ipynb: a folder's name must be letters, digits, - and _ (at most 64)",
      "content/en/index.mdx:1: a chapter is a folder of its own (content/en/<chapter>/index.mdx); this path is the language's home page",
      "content/en/translation-status/index.mdx:1: the chapter's path \"translation-status\" would take the site's own /<locale>/translation-status/: give the chapter another folder name",
    ];
    expect(await problemsOf(files)).toEqual(expected);
    // i18n:check, on a project with the same content: the same lines, as errors.
    const dir = copyProject(["src", "chapters", "datasets"]);
    roots.push(dir);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const r = await runHere("i18n-check", ["--root", dir, "--locale", "ja"]);
    expect(r.code).toBe(1);
    for (const line of expected) {
      const at = line.indexOf(": ");
      expect(r.stdout + r.stderr).toContain(`${line.slice(0, at)}: ${line.slice(at + 2)}`);
    }
  });

  it("the notebook import refuses a chapter path that is a route of the site, before reading the notebook", async () => {
    const r = await runHere("import-notebook", ["missing.ipynb", "--chapter", "translation-status", "--locale", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(
      "error: --chapter: the chapter's path \"translation-status\" would take the site's own /<locale>/translation-status/: give the chapter another folder name",
    );
  });
});

describe("errors that never hide", () => {
  it("a frontmatter key that is an object's own name (__proto__) is refused, not dropped", async () => {
    const text = chapterText("## One \\{#one\\}\n").replace("order: 1\n", "order: 1\nelapsed:\n  __proto__: 5\n");
    expect(await problemsOf({ [EN]: text })).toEqual([
      `${EN}:1: frontmatter "elapsed.__proto__": __proto__ is not a name a field may have`,
    ]);
  });

  it("a formula KaTeX draws but the compiler could not walk (200 nested underbraces) is a content error with its line", async () => {
    let formula = "x";
    for (let i = 0; i < 200; i++) formula = `\\underbrace{${formula}}_{${i}}`;
    const found = await withBody(`$$\n${formula}\n$$`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      new RegExp(`^${EN}:11: formula nests too deeply \\(\\d+ levels when drawn, at most 256\\): split it into several formulas$`),
    );
  });

  it("i18n:check --locale X reports the course's own files (a glossary it cannot use), not only X's", async () => {
    const dir = copyProject(["content", "src", "chapters", "datasets"]);
    roots.push(dir);
    writeFileSync(join(dir, "content/glossary.yaml"), "- id: x\n  en: a\n  ja: b\n  __proto__: c\n");
    writeFileSync(join(dir, "chapters/w1d1/tutorial1/glossary.yaml"), "- &a [1, *a]\n");
    for (const locale of ["ja", "en"]) {
      const r = await runHere("i18n-check", ["--root", dir, "--locale", locale]);
      expect(r.code, locale).toBe(1);
      expect(r.stdout, locale).toMatch(/content\/glossary\.yaml: entry 1: __proto__: not a language tag/);
      expect(r.stdout, locale).toMatch(/chapters\/w1d1\/tutorial1\/glossary\.yaml: /);
    }
  });
});

describe("the page's own ids are not a chapter's", () => {
  for (const id of [
    "cell-strings",
    "main",
    "toc",
    "toc-heading",
    "site-search",
    "video-1",
    "term-hint-model",
    "cell-x",
    "user-content-fn-1",
    "isi-histogram-bins",
  ]) {
    it(`a heading cannot take "${id}"`, async () => {
      const found = await problemsOf({ [EN]: chapterText(`## Notes \\{#${id}\\}\n\nText.\n`) }, ["isi-histogram"]);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(new RegExp(`^${EN}:9: section id "${id}" cannot be used: `));
    });
  }

  it("a video's id is under video- and used once; headings stay at the top level", async () => {
    const video = (id: string) => `<Video id="${id}" title="V" youtube="aaaaaaaaaaa" bilibili="BV1aaaaaaaaa" />`;
    const found = await withBody(
      `${video("main")}\n\n${video("video-1")}\n\n${video("video-1")}\n\n<Solution>\n\n## Inside \\{#inside\\}\n\n</Solution>`,
    );
    expect(found).toEqual([
      `${EN}:11: <Video>: prop "id" is not a valid id (/^video-[a-z0-9][a-z0-9-]{0,36}$/)`,
      `${EN}:15: <Video>: the id "video-1" is already used at line 13`,
      `${EN}:19: a heading must stand on its own at the top level (not inside a list, quote or component)`,
    ]);
  });
});

describe("the compiler's frontmatter rule and syntax are the check's", () => {
  for (const [name, text] of [
    ["a closing fence with more on its line", "---\ntitle: x\n---x\n<Video id={process.env} />\n---\n\n## A \\{#a\\}\n"],
    ["TOML fences", "+++\ntitle = 'x'\n+++\n\n## A \\{#a\\}\n"],
    ["a byte-order mark first", "\uFEFF---\ntitle: x\n---\n\n## A \\{#a\\}\n"],
    ["blank lines first", "\n\n---\ntitle: x\n---\n\n## A \\{#a\\}\n"],
  ] as const) {
    it(`refuses frontmatter with ${name}`, async () => {
      const found = await problemsOf({ [EN]: text });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(new RegExp(`^${EN}:1: the frontmatter must (start|end)`));
    });
  }

  it("reads GFM tables, so a component in a table cell is checked", async () => {
    const found = await withBody('| a | b |\n| - | - |\n| <Value k="x" /> | <Cell id={evil} /> |');
    expect(found).toEqual([
      `${EN}:13: <Value>: no value "x" (there are: none)`,
      `${EN}:13: <Cell>: prop "id" must be a literal ("text"), not a {…} expression`,
      `${EN}:13: <Cell>: missing prop "id"`,
    ]);
  });
});

describe("MDX's own syntax in prose", () => {
  it("a literal brace or < is named with file:line and what to write instead", async () => {
    const brace = await withBody("The prediction {y_i + } is compared.");
    expect(brace).toHaveLength(1);
    expect(brace[0]).toMatch(
      /^content\/en\/ch\/index\.mdx:11: not valid MDX: .*write \\\{ and \\\} for literal braces, or \$…\$ for maths\)$/,
    );
    const angle = await withBody("When a <5 b then stop.");
    expect(angle[0]).toMatch(/^content\/en\/ch\/index\.mdx:11: not valid MDX: .*write \\< for a literal <\)$/);
  });
});

describe("every chapter file is read in bounded time and memory", () => {
  for (const [name, body, why] of [
    ["8 KB of list markers", "- ".repeat(4096), /:11: not valid MDX: nests more than 64 levels/],
    ["8 KB of quote markers", "> ".repeat(4096), /:11: not valid MDX: nests more than 64 levels/],
    ["deeply nested emphasis", `${"*a ".repeat(2000)}b${" a*".repeat(2000)}`, /:11: not valid MDX: nests more than 64 levels of emphasis/],
    // 60 KB the parser took 25 s over (each closer looks back to the paragraph's start): refused before it starts.
    [
      "10,000 emphasis markers that never pair",
      `${"*a ".repeat(10_000)}${"a_ ".repeat(10_000)}`,
      /:11: not valid MDX: holds more emphasis markers/,
    ],
    [
      "emphasis nested in a paragraph of many lines",
      `${"*a\n".repeat(2000)}b${"\na*".repeat(2000)}`,
      /:11: not valid MDX: nests more than 64 levels of emphasis/,
    ],
    // 59 KB the parser took 33 s over (each ] looks back to the paragraph's start for its [).
    ["20,000 closing brackets with no opening one", "x] ".repeat(20_000), /:11: not valid MDX: holds 20000 square brackets/],
    [
      "images nested 2,000 deep",
      `${"![".repeat(2000)}a${"](x)".repeat(2000)}`,
      /:11: not valid MDX: nests more than 64 levels of square brackets/,
    ],
    [
      "1,000 stray brackets among words",
      "x] word word word word word word word word word word ".repeat(1000),
      /:11: not valid MDX: cuts one paragraph into more pieces than can be read in time/,
    ],
    ["20,000 tildes in one paragraph", "a~b ".repeat(20_000), /:11: not valid MDX: holds 20000 tildes/],
    // 195 KB the parser took 9.3 s over (each reference cuts the paragraph's text, and each cut costs a pass over it).
    [
      "20,000 character references in one paragraph",
      "a &amp; b ".repeat(20_000),
      /:11: not valid MDX: cuts one paragraph into more pieces/,
    ],
    ["a paragraph of 20,000 lines", "word word\n".repeat(20_000), /:11: not valid MDX: cuts one paragraph into more pieces/],
    [
      "an indented list 700 levels deep",
      Array.from({ length: 700 }, (_, i) => `${" ".repeat(2 * i)}- x`).join("\n"),
      /:75: not valid MDX: nests more than 64 levels/,
    ],
    ["a 1.5 MB file", "word ".repeat(300_000), /^content\/en\/ch\/index\.mdx: 1\.4 MB is more than such a file may hold \(1 MB\)$/],
  ] as const) {
    it(`refuses ${name} in one line`, async () => {
      const found = await withBody(body);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(why);
      expect(found[0]!.startsWith(EN)).toBe(true);
    }, 60_000);
  }

  it("a file that parses too slowly is refused when its time is up, and the next file is still checked", async () => {
    const root = makeCourse({
      // A list of 100,000 items (400 KB): the parser took 10 s over it (more than 2,000 parts,
      // it would be refused once read).
      [EN]: chapterText("- a\n".repeat(100_000)),
      "content/en/other/index.mdx": chapterText("## Fine \\{#fine\\}\n\n![x](?raw)\n"),
    });
    roots.push(root);
    const found = await checkChapterFiles(
      [
        [root, EN, null, null],
        [root, "content/en/other/index.mdx", null, null],
      ],
      { ms: 1500, heapMb: 256 },
    );
    expect(found.map(formatProblem)).toEqual([
      `${EN}: takes longer than 1.5 s to read, so it is refused (simplify its nesting, emphasis or components)`,
      `content/en/other/index.mdx:11: image "?raw": a query (?…) or fragment (#…) is not allowed, only a file name`,
    ]);
  }, 60_000);

  it("a file that is not UTF-8 is refused", async () => {
    const found = await problemsOf({ [EN]: Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]) });
    expect(found).toEqual([`${EN}: is not UTF-8 text`]);
  });
});

describe("UI strings are text under word keys", () => {
  it("a number, an object, __proto__: one line each naming file and key", () => {
    const root = makeCourse({
      "src/translation/ui/en.json": '{"site.title": 3, "constructor": {"a": 1}, "__proto__": "x", "ok.key": "fine", "a b": "c"}',
    });
    roots.push(root);
    expect(checkSiteStrings(root, "en", uiStringsSchema).problems.map(formatProblem)).toEqual([
      'src/translation/ui/en.json: "site.title" must be text, not a number',
      'src/translation/ui/en.json: "constructor" must be text, not a object',
      'src/translation/ui/en.json: "__proto__" is not a key (words joined by dots, such as axis.time)',
      'src/translation/ui/en.json: "a b" is not a key (words joined by dots, such as axis.time)',
    ]);
  });

  it("a chapter's strings file with a number, an object or __proto__: i18n:check names file and key, no crash", async () => {
    const dir = copyProject(["content", "src", "chapters", "datasets"]);
    roots.push(dir);
    const file = "chapters/w1d1/tutorial1/strings/ja.json";
    const table = JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;
    writeFileSync(
      join(dir, file),
      JSON.stringify({ ...table, "axis.time": 5, "legend.meanNeuron": { a: 1 } }).replace("{", '{"__proto__": "x", '),
    );
    const r = await runHere("i18n-check", ["--root", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`error: ${file}: "axis.time" must be text, not a number`);
    expect(r.stdout).toContain(`error: ${file}: "legend.meanNeuron" must be text, not a object`);
    expect(r.stdout).toContain(`error: ${file}: "__proto__" is not a key`);
    expect(r.stderr).not.toMatch(/matchAll|TypeError|^\s+at /m);
  }, 60_000);
});
