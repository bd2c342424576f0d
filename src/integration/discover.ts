import type { AnyChapter } from "../api/course.ts";
import { discoveredChapter, type DiscoveredChapter } from "../course/chapterModel.ts";
import type { AnyView } from "../api/types.ts";
import type { StringTable } from "../translation/model/stringTable.ts";
import { cellOfModule, slugOfChapterModule } from "../lib/content/chapterModules.ts";
import { readStringFolder } from "../translation/strings/stringFiles.ts";
import type { Problem } from "../lib/problem.ts";

export type { DiscoveredChapter } from "../course/chapterModel.ts";

// Found by file name, loaded with the build (Vite): adding a chapter or a dataset is adding files.
// Code is imported; strings are data, read from disk and checked (src/translation/strings/stringFiles.ts).
const chapterModules = import.meta.glob<{ default: AnyChapter }>("../../chapters/**/chapter.ts", { eager: true });
const viewModules = import.meta.glob<{ default: AnyView }>("../../chapters/**/*.cell.ts", { eager: true });
const datasetFolders = Object.keys(import.meta.glob("../../datasets/*/index.ts")).map((k) =>
  k.replace(/^\.\.\/\.\.\/(.*)\/index\.ts$/, "$1"),
);

/** A glob key (`../../chapters/…`) as a path relative to the project. */
const project = (key: string) => key.replace(/^\.\.\/\.\.\//, "");

/** Every chapter module under chapters/ with its cells, sorted by slug; strings read from `root`. */
export function discoverChapters(root: string): DiscoveredChapter[] {
  const cells = Object.entries(viewModules).flatMap(([key, m]) => {
    const found = cellOfModule(project(key));
    return found ? [{ ...found, file: project(key), view: m.default }] : [];
  });
  return Object.entries(chapterModules)
    .flatMap(([key, module]) => {
      const slug = slugOfChapterModule(project(key));
      if (slug === null) return [];
      const views = new Map(cells.filter((c) => c.slug === slug).map((c) => [c.cell, { file: c.file, view: c.view }] as const));
      return [discoveredChapter(root, slug, module.default, views)];
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Each dataset's reader-facing strings (datasets/<id>/strings/<locale>.json), by id then locale, and why any file was refused. */
export function discoverDatasetStrings(root: string): { strings: Map<string, Map<string, StringTable>>; problems: Problem[] } {
  const strings = new Map<string, Map<string, StringTable>>();
  const problems: Problem[] = [];
  for (const folder of datasetFolders) {
    const read = readStringFolder(root, `${folder}/strings`);
    strings.set(folder.slice("datasets/".length), read.tables);
    problems.push(...read.problems);
  }
  return { strings, problems };
}
