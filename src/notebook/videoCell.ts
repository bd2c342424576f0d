import { pythonCommentText } from "../lib/text/notebookText.ts";

/**
 * A <Video>'s code cell in an exported notebook: the course's template (its course file's
 * `notebook.videoCell`) with the title and the services' ids filled in. The title goes on a
 * comment line (`# @title {title}`), flattened to one line; an id keeps only the characters a
 * video id has, so neither can ever be code. A video with no Bilibili id leaves the template's
 * `('Bilibili', '{bilibili}')` entry out.
 */
export function videoCellCode(template: string, title: string, youtube: string, bilibili: string): string {
  const id = (text: string) => text.replace(/[^\w-]/g, "");
  const values: Record<string, string> = { title: pythonCommentText(title), youtube: id(youtube), bilibili: id(bilibili) };
  // A video with no Bilibili id: the template's Bilibili entry (`, ('Bilibili', '{bilibili}')`) is left out.
  const code = values.bilibili ? template : template.replace(/,\s*\(\s*["']Bilibili["']\s*,\s*["']\{bilibili\}["']\s*\)/g, "");
  return code.replace(/\{(title|youtube|bilibili)\}/g, (_, key: string) => values[key]!);
}
