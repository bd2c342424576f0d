import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { STORE_DIR } from "virtual:course/store";
import type { ChapterStore } from "../course/chapterStore.ts";
import { sitePath } from "./routing.ts";
import { cellModulePath } from "../lib/content/chapterModules.ts";
import { CELL_CHUNKS_FILE, DEV_PROBLEMS_FILE, FIGURE_LOADER, storeFile, type CellChunks, type DevProblems } from "../course/storeFiles.ts";

const cache = new Map<string, { readonly mtime: number; readonly value: unknown }>();

/** A JSON file of the store, read again only when it changed (the dev server rewrites them). */
function readStoreJson<T>(file: string, missing: T): T {
  if (!existsSync(file)) return missing;
  const mtime = statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit?.mtime === mtime) return hit.value as T;
  const value = JSON.parse(readFileSync(file, "utf8")) as T;
  cache.set(file, { mtime, value });
  return value;
}

/** What the build computed for a chapter (null for a chapter without a module: text only). */
export function chapterStore(slug: string): ChapterStore | null {
  return readStoreJson<ChapterStore | null>(storeFile(STORE_DIR, slug), null);
}

/** Problems the development server found in the course's files since its last good edit (none in a build). */
export function devProblems(): DevProblems {
  return readStoreJson<DevProblems>(join(STORE_DIR, DEV_PROBLEMS_FILE), { content: [], types: [] });
}

/**
 * Where an interactive cell's browser code is, for its figure to name: in a build, its chunk and
 * the chunks that chunk imports (src/integration/cellChunks.ts); under the development server,
 * the module itself, which the server compiles when asked.
 */
export function cellChunk(slug: string, cell: string): CellChunks[string] {
  const file = cellModulePath(slug, cell);
  if (import.meta.env.DEV) return { src: sitePath(file), deps: [] };
  const found = readStoreJson<CellChunks>(join(STORE_DIR, CELL_CHUNKS_FILE), {})[file];
  if (!found) throw new Error(`${file}: the build made no browser code for cell "${cell}"`);
  return found;
}

/** Where the code every interactive figure runs on is in a build (with the chunks it imports); none under the development server. */
export function figureLoaderChunk(): CellChunks[string] | null {
  if (import.meta.env.DEV) return null;
  return readStoreJson<CellChunks>(join(STORE_DIR, CELL_CHUNKS_FILE), {})[FIGURE_LOADER] ?? null;
}
