import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import { describe, expect, it } from "vitest";
import { readNotebookMarkdown } from "../../helpers/markdown.ts";
import { markdownMessage, markdownText, pythonCommentText } from "../../../src/lib/text/notebookText.ts";

// Contributed text in a notebook's markdown is text, as Jupyter's CommonMark (with GFM and
// $maths$) reads it: no HTML, no link, no emphasis, no block, and every character kept.
const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(2)>",
  '<a href="javascript:alert(3)">x</a>',
  "[click](javascript:alert(4))",
  "![x](https://evil.example/t.png)",
  "mail eve@evil.example or www.evil.example",
  "&lt;b&gt; &amp; &#60;i>",
  "*not* **bold** _x_ `code` ~~del~~ $x^2$ | a | b |",
  "# a heading",
  "- a list",
  "1. a list",
  "10) a list",
  "> a quote",
  "=== a rule",
  "line one\nline two\r\u2028<script>",
  "\\<already escaped\\> \\",
];

/**
 * The kinds of node a text makes. GFM's autolink literals are kept by some renderers whatever
 * is escaped (micromark links `https\\://x`, marked does not): one counts as text when it shows
 * its own web or mail address, which is what the text said.
 */
const kinds = (node: Nodes): string[] =>
  node.type === "link" &&
  /^(https?:\/\/|mailto:)/.test(node.url) &&
  node.url.replace(/^mailto:/, "").endsWith(toString(node).replace(/^www\./, ""))
    ? ["text"]
    : [node.type, ...("children" in node ? node.children.flatMap(kinds) : [])];

describe("markdownText", () => {
  it("writes each hostile string as one paragraph of plain text that reads back as the string", () => {
    for (const text of HOSTILE) {
      const tree = readNotebookMarkdown(markdownText(text));
      expect([...new Set(kinds(tree))].sort(), text).toEqual(["paragraph", "root", "text"]);
      expect(toString(tree), text).toBe(text.replace(/[\n\r\u2028]+/g, " ").replace(/\s+$/, ""));
    }
  });

  it("keeps a message's own markup (a code span) and escapes the translation around it", () => {
    const md = markdownMessage((p) => `<b>page</b>: ${p.path!} [x](javascript:y)`, { path: "`/en/ch/`" });
    const tree = readNotebookMarkdown(md);
    expect([...new Set(kinds(tree))].sort()).toEqual(["inlineCode", "paragraph", "root", "text"]);
    expect(toString(tree)).toBe("<b>page</b>: /en/ch/ [x](javascript:y)");
  });
});

describe("pythonCommentText", () => {
  it("is one line, whatever line breaks Python or an editor knows", () => {
    for (const br of ["\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]) {
      const line = pythonCommentText(`Intro${br}import os; os.system('id')`);
      // eslint-disable-next-line no-control-regex -- the line breaks of str.splitlines
      expect(line.split(/[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/), JSON.stringify(br)).toHaveLength(1);
      expect(line).toBe("Intro import os; os.system('id')");
    }
  });
});
