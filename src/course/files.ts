import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The files the browser fetches on demand, by content address: /data/<key>/<path>, where the
 * key depends only on the dataset's content and the file set (its id and version). Two
 * chapters reading the same data through the same set register one key, built and written once.
 */
export class FileRegistry {
  private readonly sets = new Map<string, { build: () => Map<string, Uint8Array>; files?: Map<string, Uint8Array> }>();

  /** The content address of a file set over a dataset. */
  static key(datasetKey: string, setId: string, version: number): string {
    return createHash("sha256").update(`${datasetKey}\n${setId}\n${version}`).digest("hex").slice(0, 16);
  }

  /** Registers a file set (built only when first needed); returns its folder under the site, `data/<key>/`. */
  register(key: string, build: () => Map<string, Uint8Array>): string {
    if (!this.sets.has(key)) this.sets.set(key, { build });
    return `data/${key}/`;
  }

  private filesOf(key: string): Map<string, Uint8Array> | undefined {
    const set = this.sets.get(key);
    if (set && !set.files) set.files = set.build();
    return set?.files;
  }

  /** One file by its path under the site (`data/<key>/<path>`), for the development server. */
  lookup(path: string): Uint8Array | undefined {
    const m = /^data\/([0-9a-f]{16})\/(.+)$/.exec(path);
    return m ? this.filesOf(m[1]!)?.get(m[2]!) : undefined;
  }

  /** Writes every registered set under `outDir`; returns the number of files and bytes. */
  writeAll(outDir: string): { files: number; bytes: number } {
    let files = 0;
    let bytes = 0;
    for (const key of this.sets.keys()) {
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
