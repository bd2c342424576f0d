import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { STORE_DIR } from "virtual:course/store";
import type { ChapterStore } from "./store.ts";

const cache = new Map<string, ChapterStore | null>();

/** What the build computed for a chapter (null for a chapter without a module: text only). */
export function chapterStore(slug: string): ChapterStore | null {
  let store = cache.get(slug);
  if (store === undefined) {
    const file = join(STORE_DIR, `${slug.replace(/\//g, "--")}.json`);
    store = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ChapterStore) : null;
    cache.set(slug, store);
  }
  return store;
}
