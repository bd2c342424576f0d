import type { NotebookInput } from "../chapterNotebook.ts";
import { markdownMessage, markdownText, oneLine } from "../../lib/text/notebookText.ts";

/** Text as an inline code span (one line, a fence longer than any run of backticks in it). */
const codeSpan = (line: string) => {
  const text = oneLine(line);
  const fence = "`".repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  return `${fence}${text.startsWith("`") || text.endsWith("`") ? ` ${text} ` : text}${fence}`;
};

/**
 * The top of a chapter's notebook: course, title, byline, credits, thanks, and where the page
 * is (a link when the site's address is known, SITE_URL; otherwise the page's path as text).
 * Every field is the chapter's or a translator's text, so each is written as markdown text.
 */
export function headerText(input: NotebookInput): string {
  const { frontmatter: fm, t } = input;
  const list = new Intl.ListFormat(input.locale, { type: "conjunction" });
  const pageAt = /^https?:\/\/[^\s<>"]+$/.test(input.pageUrl)
    ? `<${input.pageUrl}>`
    : markdownMessage((params) => t("notebook.pageAt", params), { path: codeSpan(input.pageUrl) });
  return [
    fm.course ? `# ${markdownText(fm.course)}` : "",
    `## ${markdownText(fm.title)}`,
    fm.byline ? `**${markdownText(fm.byline)}**` : "",
    (["creators", "reviewers", "editors"] as const)
      .filter((k) => fm.credits[k].length)
      .map(
        (k) => `**${markdownText(t("punct.labelled", { label: t(`credits.${k}`) }).trim())}** ${markdownText(list.format(fm.credits[k]))}`,
      )
      .join("\n\n"),
    fm.thanks ? markdownText(fm.thanks) : "",
    pageAt,
  ]
    .filter(Boolean)
    .join("\n\n");
}
