import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FileRegistry } from "../../src/integration/files.ts";
import { offlineConfig } from "../../src/integration/serviceWorker.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A small deploy: a page, a script, a data folder. */
function deploy(dataByte: number): string {
  const out = mkdtempSync(join(tmpdir(), "deploy-"));
  dirs.push(out);
  for (const [path, bytes] of [
    ["index.html", "<!doctype html>"],
    ["ja/index.html", "<!doctype html>"],
    ["_astro/a.js", "export {}"],
    ["_astro/a.css", "body{}"],
    ["_astro/font.woff2", "w"],
    ["data/0123456789abcdef/1.f32", new Uint8Array([dataByte, 0, 0, 0])],
  ] as const) {
    mkdirSync(join(out, path, ".."), { recursive: true });
    writeFileSync(join(out, path), bytes);
  }
  return out;
}

describe("data addresses come from the bytes", () => {
  it("a builder that makes other bytes under the same set id gets another address; the same bytes, the same one", () => {
    const registry = new FileRegistry();
    const a = registry.register("dataset-1\nspikes/isi", () => new Map([["1.f32", new Uint8Array([1, 2])]]));
    const again = registry.register("dataset-1\nspikes/isi", () => {
      throw new Error("built twice");
    });
    const changed = new FileRegistry().register("dataset-1\nspikes/isi", () => new Map([["1.f32", new Uint8Array([1, 3])]]));
    const same = new FileRegistry().register("another name", () => new Map([["1.f32", new Uint8Array([1, 2])]]));
    expect(again).toBe(a);
    expect(changed).not.toBe(a);
    expect(same).toBe(a);
    expect(a).toMatch(/^data\/[0-9a-f]{16}\/$/);
  });

  it("each set's folder lists its files and their bytes (what a reader keeps for every figure offline), in the build and the dev server", () => {
    const registry = new FileRegistry();
    const folder = registry.register(
      "set",
      () =>
        new Map([
          ["2.bin", new Uint8Array(5)],
          ["10.bin", new Uint8Array(7)],
          ["a/b.isi", new Uint8Array(1)],
        ]),
    );
    const out = mkdtempSync(join(tmpdir(), "files-"));
    dirs.push(out);
    expect(registry.writeAll(out)).toEqual({ files: 3, bytes: 13 });
    const expected = { files: ["10.bin", "2.bin", "a/b.isi"], bytes: 13 };
    expect(JSON.parse(readFileSync(join(out, folder, "_files.json"), "utf8"))).toEqual(expected);
    expect(JSON.parse(new TextDecoder().decode(registry.lookup(`${folder}_files.json`)))).toEqual(expected);
    expect(() => registry.register("other", () => new Map([["_files.json", new Uint8Array(1)]]))).toThrow(
      /may not have a file named _files\.json/,
    );
  });
});

describe("the worker's version covers every file it may serve", () => {
  it("one data byte changed is a new version; the lists name the deploy's own files", () => {
    const first = offlineConfig(deploy(1), "/");
    const second = offlineConfig(deploy(2), "/");
    expect(second.version).not.toBe(first.version);
    expect(offlineConfig(deploy(1), "/").version).toBe(first.version);
    expect(first.assets).toEqual(["_astro/a.css", "_astro/a.js"]);
    expect(first.dataKeys).toEqual(["0123456789abcdef"]);
    expect(first.entries).toEqual(["_astro", "data", "index.html", "ja", "sw.js"]);
  });

  it("a course without datasets (no data/ folder) gets a worker too", () => {
    const out = deploy(1);
    rmSync(join(out, "data"), { recursive: true });
    expect(offlineConfig(out, "/").dataKeys).toEqual([]);
  });
});
