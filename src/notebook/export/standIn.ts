import type { NotebookInput } from "../chapterNotebook.ts";
import { pythonCommentText } from "../../lib/text/notebookText.ts";

/**
 * The data cell's code when the page was built from a stand-in: the code as the course has it,
 * then commented lines that load the stand-in instead (from a deployment with a known address,
 * its absolute URL; otherwise lines that start with the site's address to fill in, since
 * `requests` cannot fetch a bare path). Returns the text and how many lines were added.
 */
export function withStandInLines(code: string, input: NotebookInput): { text: string; added: number } {
  const standIn = input.data?.standIn;
  if (!standIn || !code.includes(input.data.match)) return { text: code, added: 0 };
  const absolute = /^https?:\/\//.test(standIn.url);
  const load = absolute
    ? standIn.load.replace(/\{url\}/g, standIn.url)
    : `SITE_URL = "https://"  # ${pythonCommentText(input.t("notebook.siteAddress"))}\n${standIn.load.replace(/(["'])\{url\}\1/g, `SITE_URL + "${standIn.url}"`).replace(/\{url\}/g, standIn.url)}`;
  const lines = `\n\n# ${pythonCommentText(input.t("notebook.standIn"))}\n${load
    .split("\n")
    .map((l) => `# ${l}`.trimEnd())
    .join("\n")}`;
  return { text: code + lines, added: lines.split("\n").length - 2 };
}
