import { pythonCommentText } from "../lib/text/notebookText.ts";

/**
 * A <Video>'s code cell in an exported notebook: the course's template (its course file's
 * `notebook.videoCell`) with the title and the services' ids filled in. The title goes on a
 * comment line (`# @title {title}`), flattened to one line; an id keeps only the characters a
 * video id has, so neither can ever be code.
 */
export function videoCellCode(template: string, title: string, youtube: string, bilibili: string): string {
  const id = (text: string) => text.replace(/[^\w-]/g, "");
  const values: Record<string, string> = { title: pythonCommentText(title), youtube: id(youtube), bilibili: id(bilibili) };
  return template.replace(/\{(title|youtube|bilibili)\}/g, (_, key: string) => values[key]!);
}
