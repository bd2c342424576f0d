import type { NotebookInput } from "../chapterNotebook.ts";

/**
 * The top of a chapter's notebook: course, title, byline, credits, thanks, and where the page
 * is (a link when the site's address is known, SITE_URL; otherwise the page's path as text).
 */
export function headerText(input: NotebookInput): string {
  const { frontmatter: fm, t } = input;
  const list = new Intl.ListFormat(input.locale, { type: "conjunction" });
  return [
    fm.course ? `# ${fm.course}` : "",
    `## ${fm.title}`,
    fm.byline ? `**${fm.byline}**` : "",
    (["creators", "reviewers", "editors"] as const)
      .filter((k) => fm.credits[k].length)
      .map((k) => `__${t("punct.labelled", { label: t(`credits.${k}`) })}__ ${list.format(fm.credits[k])}`)
      .join("\n\n"),
    fm.thanks ?? "",
    /^https?:\/\//.test(input.pageUrl) ? `<${input.pageUrl}>` : t("notebook.pageAt", { path: `\`${input.pageUrl}\`` }),
  ]
    .filter(Boolean)
    .join("\n\n");
}
