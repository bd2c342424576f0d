import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The files the browser fetches on demand, by content address: /data/<key>/<path>, where the
 * key is a hash of the set's file names and bytes. A changed builder (or changed data) gives
 * new bytes and so a new address, so no cache anywhere can serve the old ones for it. Two
 * chapters reading the same data through the same set build it once and share one key.
 */
/** Each set's list of its files and their total size, beside them (`data/<key>/_files.json`): what a reader keeps to read every figure offline. */
export const FILE_LIST = "_files.json";

/** The list a set's folder holds of itself. */
export function fileList(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const names = [...files.keys()].sort();
  const bytes = names.reduce((sum, n) => sum + files.get(n)!.byteLength, 0);
  return new TextEncoder().encode(JSON.stringify({ files: names, bytes }));
}

export class FileRegistry {
  private readonly sets = new Map<string, Map<string, Uint8Array>>();
  private readonly built = new Map<string, string>();

  /** The content address of a set of files: their names and bytes, in name order. */
  static key(files: ReadonlyMap<string, Uint8Array>): string {
    const hash = createHash("sha256");
    for (const path of [...files.keys()].sort()) {
      const bytes = files.get(path)!;
      hash.update(`${path}\n${bytes.byteLength}\n`).update(bytes);
    }
    return hash.digest("hex").slice(0, 16);
  }

  /**
   * A file set over a dataset (`source` names both, so each is built once per build); returns
   * its folder under the site, `data/<key>/`.
   */
  register(source: string, build: () => Map<string, Uint8Array>): string {
    let key = this.built.get(source);
    if (key === undefined) {
      const files = build();
      if (files.has(FILE_LIST))
        throw new Error(`a file set may not have a file named ${FILE_LIST} (the list of its files is written there)`);
      key = FileRegistry.key(files);
      this.built.set(source, key);
      this.sets.set(key, files);
    }
    return `data/${key}/`;
  }

  /** The content addresses of every set, sorted: what a deploy serves under data/. */
  keys(): string[] {
    return [...this.sets.keys()].sort();
  }

  private filesOf(key: string): Map<string, Uint8Array> | undefined {
    return this.sets.get(key);
  }

  /** One file by its path under the site (`data/<key>/<path>`), for the development server. */
  lookup(path: string): Uint8Array | undefined {
    const m = /^data\/([0-9a-f]{16})\/(.+)$/.exec(path);
    const set = m ? this.filesOf(m[1]!) : undefined;
    if (!set) return undefined;
    return m![2] === FILE_LIST ? fileList(set) : set.get(m![2]!);
  }

  /** Writes every registered set under `outDir`, each with its list (FILE_LIST); returns the number of files and bytes of the sets. */
  writeAll(outDir: string): { files: number; bytes: number } {
    let files = 0;
    let bytes = 0;
    for (const key of this.sets.keys()) {
      mkdirSync(join(outDir, "data", key), { recursive: true });
      writeFileSync(join(outDir, "data", key, FILE_LIST), fileList(this.filesOf(key)!));
      for (const [path, data] of this.filesOf(key)!) {
        const file = join(outDir, "data", key, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, data);
        files++;
        bytes += data.byteLength;
      }
    }
    return { files, bytes };
  }
}
