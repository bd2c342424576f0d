import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A course whose contributors wrote markup and code where text belongs (the "hostile" site of
 * tests/helpers/sites.ts): a chapter whose frontmatter, headings, prose, components and video
 * title hold HTML, links that run script and a line of Python, and a language (ko) whose UI
 * strings do the same. Everything the chapter holds passes the content checks: each is text a
 * reader may legitimately see, so every output must show it as text.
 */
export const HOSTILE_CHAPTER = "hostile/text";
export const HOSTILE_LOCALE = "ko";

/** The texts as a reader sees them, by where they stand. */
export const HOSTILE = {
  title: "<img src=x onerror=alert(1)> Title & more",
  description: "<script>alert(2)</script> a description",
  course: "</title><script>alert(3)</script>",
  byline: "**By** <b onmouseover=alert(4)>Eve</b>",
  thanks: "# not a heading <iframe src=//evil.example/>",
  creators: ["Eve <svg onload=alert(5)>", "[x](javascript:alert(6))"],
  heading: "One <script>alert(7)</script>",
  prose: [
    "<script>alert(8)</script>",
    "<img src=x onerror=alert(9)>",
    '<a href="javascript:alert(10)">x</a>',
    "[click](javascript:alert(11))",
    "&lt;b&gt;",
  ],
  dataNote: "<script>alert(12)</script>",
  solution: "<img src=x onerror=alert(13)>",
  videoTitle: `Intro"); import os; os.system("id") #`,
} as const;

/** UI strings of the hostile locale: markup and line breaks where a translator's words go. */
export const HOSTILE_UI: Readonly<Record<string, string>> = {
  "lang.name": "한국어",
  "credits.creators": "<img src=x onerror=alert(20)>",
  "chapter.estimatedTotal": "{minutes} <script>alert(21)</script>",
  "chapter.elapsed": "{minutes} [x](javascript:alert(22))",
  "exercise.showSolution": '<a href="javascript:alert(23)">x</a>',
  "slides.link": "](javascript:alert(24))",
  "data.computedHere": "<style>body[hidden]</style>",
  "notebook.pageAt": "<script>alert(25)</script> {path}",
  "translation.fallbackNotice": "<img src=x onerror=alert(26)> {source}",
};

const frontmatter = `---
title: ${JSON.stringify(HOSTILE.title)}
description: ${JSON.stringify(HOSTILE.description)}
course: ${JSON.stringify(HOSTILE.course)}
byline: ${JSON.stringify(HOSTILE.byline)}
thanks: ${JSON.stringify(HOSTILE.thanks)}
order: 1
estimatedMinutes: 10
elapsed:
  one: 3
credits:
  creators: ${JSON.stringify(HOSTILE.creators)}
  reviewers: ["Mallory & Co"]
  editors: []
slides: abcde
feedbackPrefix: W9_T9
---
`;

/** MDX escapes for text: what a contributor writes so that the page shows it as text. */
const mdxText = (s: string) => s.replace(/[\\{}<>[\]*_`]/g, "\\$&");

const body = `
## ${mdxText(HOSTILE.heading)} \\{#one\\}

<Slides />

<Elapsed total />

Prose with ${HOSTILE.prose.slice(0, 4).map(mdxText).join(" and ")} and ${HOSTILE.prose[4]}.

<Video id="video-1" title='${HOSTILE.videoTitle}' youtube="abcdefghijk" bilibili="BV1234567890" />

<Elapsed section="one" />

<DataNote>
Data note with ${mdxText(HOSTILE.dataNote)}.
</DataNote>

<CodeCell>

\`\`\`python
print("hello")
\`\`\`

</CodeCell>

<Solution>

Solution text ${mdxText(HOSTILE.solution)}.

</Solution>

<Feedback id="hostile_1" />
`;

/** Tutorial 1 left out (a small, fast course); the hostile chapter and locale added. */
export function prepareHostileSite(dir: string): void {
  for (const locale of ["en", "ja"]) rmSync(join(dir, "content", locale, "w1d1"), { recursive: true, force: true });
  rmSync(join(dir, "chapters/w1d1"), { recursive: true, force: true });
  mkdirSync(join(dir, "content/en", HOSTILE_CHAPTER), { recursive: true });
  writeFileSync(join(dir, "content/en", HOSTILE_CHAPTER, "index.mdx"), frontmatter + body);
  const en = JSON.parse(readFileSync(join(dir, "src/translation/ui/en.json"), "utf8")) as Record<string, string>;
  writeFileSync(join(dir, `src/translation/ui/${HOSTILE_LOCALE}.json`), JSON.stringify({ ...en, ...HOSTILE_UI }, null, 2));
}
