import { existsSync, lstatSync, readdirSync } from "node:fs";
import { join, sep } from "node:path";
import { CELL_SUFFIX, CHAPTERS_DIR, slugOfChapterModule } from "./chapterModules.ts";

/** The slugs of every chapter module on disk now, sorted. */
export function listChapterModules(root: string): string[] {
  const dir = join(root, CHAPTERS_DIR);
  if (!existsSync(dir) || !lstatSync(dir).isDirectory()) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => slugOfChapterModule(`${CHAPTERS_DIR}/${f.split(sep).join("/")}`))
    .filter((s): s is string => s !== null)
    .sort();
}

/** The ids of a chapter's cell modules on disk now (its folder's own, not its subfolders'), sorted. */
export function listCellModules(root: string, slug: string): string[] {
  const dir = join(root, CHAPTERS_DIR, slug);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(CELL_SUFFIX))
    .map((f) => f.slice(0, -CELL_SUFFIX.length))
    .sort();
}
