import { chapterCells, type AnyChapter } from "../api/course.ts";
import type { DiscoveredChapter } from "../course/chapterModel.ts";
import type { CellDefinition } from "../api/types.ts";
import type { AnyView } from "../api/types.ts";
import type { StringTable } from "../translation/model/stringTable.ts";
import { readStringFolder } from "../translation/strings/stringFiles.ts";

export type { DiscoveredChapter } from "../course/chapterModel.ts";

// Found by file name, loaded with the build (Vite): adding a chapter or a dataset is adding files.
// Code is imported; strings are data, read from disk and checked (src/translation/strings/stringFiles.ts).
const chapterModules = import.meta.glob<{ default: AnyChapter }>("../../chapters/**/chapter.ts", { eager: true });
const viewModules = import.meta.glob<{ default: AnyView }>("../../chapters/**/*.cell.ts", { eager: true });
const datasetFolders = Object.keys(import.meta.glob("../../datasets/*/index.ts")).map((k) =>
  k.replace(/^\.\.\/\.\.\/(.*)\/index\.ts$/, "$1"),
);

/** A chapter's module folder, chapters/<slug>/, as the build found it. */

const project = (key: string) => key.replace(/^\.\.\/\.\.\//, "");

/** Every chapter module folder under chapters/, sorted by slug; strings read from `root`. */
export function discoverChapters(root: string): DiscoveredChapter[] {
  return Object.entries(chapterModules)
    .map(([key, module]) => {
      const dir = key.slice(0, -"chapter.ts".length);
      const slug = dir.replace(/^\.\.\/\.\.\/chapters\//, "").replace(/\/$/, "");
      const views = new Map(
        Object.entries(viewModules)
          .filter(([k]) => k.startsWith(dir) && !k.slice(dir.length).includes("/"))
          .map(([k, m]) => [k.slice(dir.length, -".cell.ts".length), { file: project(k), view: m.default }] as const),
      );
      const { tables: strings, problems: stringProblems } = readStringFolder(root, `${project(dir)}strings`);
      const cells = chapterCells(module.default.cells) as readonly CellDefinition<unknown, never>[];
      return { slug, file: project(key), definition: module.default, cells, views, strings, stringProblems };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Each dataset's reader-facing strings (datasets/<id>/strings/<locale>.json), by id then locale, and why any file was refused. */
export function discoverDatasetStrings(root: string): { strings: Map<string, Map<string, StringTable>>; problems: string[] } {
  const strings = new Map<string, Map<string, StringTable>>();
  const problems: string[] = [];
  for (const folder of datasetFolders) {
    const read = readStringFolder(root, `${folder}/strings`);
    strings.set(folder.slice("datasets/".length), read.tables);
    problems.push(...read.problems);
  }
  return { strings, problems };
}
