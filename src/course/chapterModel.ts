import { chapterCells, type AnyChapter } from "../api/course.ts";
import { readStringFolder } from "../translation/strings/stringFiles.ts";
import { CHAPTERS_DIR, chapterModulePath } from "../lib/content/chapterModules.ts";
import type { AnyView, CellDefinition } from "../api/types.ts";
import type { StringTable } from "../translation/model/stringTable.ts";
import type { Problem } from "../lib/problem.ts";

export interface DiscoveredChapter {
  /** The chapter's path under content/<locale>/: w1d1/tutorial1. */
  readonly slug: string;
  /** Its module, relative to the project: chapters/w1d1/tutorial1/chapter.ts. */
  readonly file: string;
  readonly definition: AnyChapter;
  /** Its cells, in the order the chapter lists them. */
  readonly cells: readonly CellDefinition<unknown, never>[];
  /** Browser code of its interactive cells, by cell id (the file's name): `<id>.cell.ts`. */
  readonly views: ReadonlyMap<string, { readonly file: string; readonly view: AnyView }>;
  /** Its own UI strings by locale (strings/<locale>.json). */
  readonly strings: ReadonlyMap<string, StringTable>;
  /** Why a strings file of the chapter was refused (the build reports them). */
  readonly stringProblems: readonly Problem[];
}

/**
 * A chapter as discovery gives it, from its module and its cells' modules however they were
 * loaded (the build's glob, the dev server's fresh copies); its strings read from `root`.
 */
export function discoveredChapter(
  root: string,
  slug: string,
  definition: AnyChapter,
  views: ReadonlyMap<string, { readonly file: string; readonly view: AnyView }>,
): DiscoveredChapter {
  const { tables: strings, problems: stringProblems } = readStringFolder(root, `${CHAPTERS_DIR}/${slug}/strings`);
  const cells = chapterCells(definition.cells) as readonly CellDefinition<unknown, never>[];
  return { slug, file: chapterModulePath(slug), definition, cells, views, strings, stringProblems };
}
