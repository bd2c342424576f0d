import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";

/** Files a site serves as text, where a path of the build machine could be written. */
const TEXT = new Set([".html", ".js", ".mjs", ".cjs", ".css", ".json", ".xml", ".txt", ".svg", ".ipynb", ".map", ".webmanifest"]);

/**
 * The files of a built site (relative paths, sorted) whose text holds one of `secrets` (the
 * project's folder, say): a site must not publish where or on what it was built.
 */
export function filesMentioning(site: string, secrets: readonly string[]): string[] {
  const needles = secrets.filter((s) => s.length >= 4);
  return readdirSync(site, { recursive: true, encoding: "utf8" })
    .filter((f) => TEXT.has(extname(f).toLowerCase()) && statSync(join(site, f)).isFile())
    .filter((f) => {
      const text = readFileSync(join(site, f), "utf8");
      return needles.some((n) => text.includes(n));
    })
    .sort();
}
