import { chapterCells, type AnyChapter } from "../cells/course.ts";
import type { CellDefinition } from "../cells/types.ts";
import type { AnyView } from "../cells/types.ts";
import type { StringTable } from "./strings.ts";

// Found by file name, loaded with the build (Vite): adding a chapter or a dataset is adding files.
const chapterModules = import.meta.glob<{ default: AnyChapter }>("../cells/**/chapter.ts", { eager: true });
const viewModules = import.meta.glob<{ default: AnyView }>("../cells/**/*.cell.ts", { eager: true });
// strings/<locale>.json; other files there (identical.json, for i18n:check) are not locales.
const LOCALE_FILE = /\/strings\/[a-z]{2}(?:-[A-Za-z]+)?\.json$/;
const chapterStrings = import.meta.glob<StringTable>("../cells/**/strings/*.json", { eager: true, import: "default" });
const datasetStrings = import.meta.glob<StringTable>("../datasets/*/strings/*.json", { eager: true, import: "default" });

/** A chapter's module folder, src/cells/<slug>/, as the build found it. */
export interface DiscoveredChapter {
  /** The chapter's path under content/<locale>/: w1d1/tutorial1. */
  readonly slug: string;
  /** Its module, relative to the project: src/cells/w1d1/tutorial1/chapter.ts. */
  readonly file: string;
  readonly definition: AnyChapter;
  /** Its cells, in the order the chapter lists them. */
  readonly cells: readonly CellDefinition<unknown, never>[];
  /** Browser code of its interactive cells, by cell id (the file's name): `<id>.cell.ts`. */
  readonly views: ReadonlyMap<string, { readonly file: string; readonly view: AnyView }>;
  /** Its own UI strings by locale (strings/<locale>.json). */
  readonly strings: ReadonlyMap<string, StringTable>;
}

const project = (key: string) => `src/${key.replace(/^\.\.\//, "")}`;

/** Every chapter module folder under src/cells/, sorted by slug. */
export function discoverChapters(): DiscoveredChapter[] {
  return Object.entries(chapterModules)
    .map(([key, module]) => {
      const dir = key.slice(0, -"chapter.ts".length);
      const slug = dir.replace(/^\.\.\/cells\//, "").replace(/\/$/, "");
      const views = new Map(
        Object.entries(viewModules)
          .filter(([k]) => k.startsWith(dir) && !k.slice(dir.length).includes("/"))
          .map(([k, m]) => [k.slice(dir.length, -".cell.ts".length), { file: project(k), view: m.default }] as const),
      );
      const strings = new Map(
        Object.entries(chapterStrings)
          .filter(([k]) => k.startsWith(`${dir}strings/`) && LOCALE_FILE.test(k))
          .map(([k, table]) => [k.slice(`${dir}strings/`.length, -".json".length), table] as const),
      );
      const cells = chapterCells(module.default.cells) as readonly CellDefinition<unknown, never>[];
      return { slug, file: project(key), definition: module.default, cells, views, strings };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Each dataset's reader-facing strings (src/datasets/<id>/strings/<locale>.json), by id then locale. */
export function discoverDatasetStrings(): Map<string, Map<string, StringTable>> {
  const byId = new Map<string, Map<string, StringTable>>();
  for (const [key, table] of Object.entries(datasetStrings)) {
    if (!LOCALE_FILE.test(key)) continue;
    const m = /^\.\.\/datasets\/([^/]+)\/strings\/([^/]+)\.json$/.exec(key)!;
    if (!byId.has(m[1]!)) byId.set(m[1]!, new Map());
    byId.get(m[1]!)!.set(m[2]!, table);
  }
  return byId;
}
