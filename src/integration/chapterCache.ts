import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ComputedChapter } from "./compute.ts";
import { COURSE_FILE } from "../course/courseFile.ts";

/** How long a computed chapter no build asked for is kept. */
const KEEP_MS = 14 * 24 * 3600 * 1000;

/**
 * Every file under some folders of a project, by path: what the code that computes chapters is
 * made of. `named`: whether the folders' own names count (a chapter's do not: a copy of it
 * elsewhere computes the same).
 */
function hashTree(hash: ReturnType<typeof createHash>, root: string, folders: readonly string[], named = true): void {
  for (const folder of folders) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    const files = statSync(dir).isFile()
      ? [""]
      : readdirSync(dir, { recursive: true, encoding: "utf8" })
          .filter((f) => statSync(join(dir, f)).isFile())
          .sort();
    for (const file of files) hash.update(`${named ? folder : ""}/${file}\n`).update(readFileSync(join(dir, file)));
  }
}

/**
 * Computed chapters kept between builds, by content address (.cache/course/chapters/<key>.json):
 * the key hashes everything a chapter's computation reads (the generator's code and the
 * dependencies' versions, the chapter's own folder, the datasets' code and the data's content
 * keys, the site's locales and base path), so a chapter whose inputs did not change is read back
 * instead of computed, and two chapters of identical inputs are computed once. Any change to an
 * input gives a new key; entries no build used for two weeks are removed.
 */
export class ChapterCache {
  private readonly dir: string;
  private readonly root: string;
  private readonly common: string;

  /** `settings`: what the site tells every chapter's computation (locales, base path, …). */
  constructor(root: string, dir: string, settings: unknown) {
    this.root = root;
    this.dir = dir;
    const hash = createHash("sha256").update(JSON.stringify(settings));
    hashTree(hash, root, ["src", "datasets", "package-lock.json", COURSE_FILE]);
    this.common = hash.digest("hex");
  }

  /** The key of a chapter: its folder's files (not its path) and the content keys of the data it reads. */
  key(chapterFolder: string, dataKeys: readonly string[]): string {
    const hash = createHash("sha256").update(this.common).update(JSON.stringify(dataKeys));
    hashTree(hash, this.root, [chapterFolder], false);
    return hash.digest("hex").slice(0, 32);
  }

  /** A chapter computed before with the same key (its slug set to this one's), or null. */
  read(key: string, slug: string): ComputedChapter | null {
    const file = join(this.dir, `${key}.json`);
    if (!existsSync(file)) return null;
    try {
      const kept = JSON.parse(readFileSync(file, "utf8")) as ComputedChapter;
      if (typeof kept.store !== "object" || typeof kept.answers !== "object") return null;
      const now = new Date();
      utimesSync(file, now, now);
      return { store: { ...kept.store, slug }, answers: kept.answers };
    } catch {
      return null; // a file another build was writing, or damaged: computed again
    }
  }

  /** Keeps a computed chapter (written beside, then renamed into place). */
  write(key: string, computed: ComputedChapter): void {
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `${key}.json`);
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, JSON.stringify(computed));
    renameSync(partial, file);
  }

  /** Removes what no build used for a while. */
  prune(now = Date.now()): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      const file = join(this.dir, name);
      if (now - statSync(file).mtimeMs > KEEP_MS) rmSync(file, { force: true });
    }
  }
}
