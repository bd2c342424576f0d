/**
 * A <Video>'s code cell in an exported notebook: the course's template (its course file's
 * `notebook.videoCell`) with the title and the services' ids filled in.
 */
export function videoCellCode(template: string, title: string, youtube: string, bilibili: string): string {
  const values: Record<string, string> = { title, youtube, bilibili };
  return template.replace(/\{(title|youtube|bilibili)\}/g, (_, key: string) => values[key]!);
}
