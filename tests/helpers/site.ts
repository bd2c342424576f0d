import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { runScript } from "./run.ts";

/** Builds the site with the given environment into `outDir` (a fresh build, with its own data). */
export async function buildSite(outDir: string, env: Record<string, string>): Promise<void> {
  const r = await runScript("build.ts", [], { ...env, OUT_DIR: outDir });
  if (r.code !== 0) throw new Error(`build failed (${r.code}):\n${r.stderr}`);
}

/** A built page parsed into a DOM. */
export function loadPage(dir: string, path: string): Document {
  const file = join(dir, path, path.endsWith(".html") ? "" : "index.html");
  return parseHTML(readFileSync(file, "utf8")).document;
}

/**
 * What Pagefind indexed for one language of a built site: each page's URL and text, read from
 * its fragment files (gzip, after Pagefind's 12-byte signature), word-break marks removed.
 */
export function searchFragments(dist: string, lang: string): { url: string; content: string }[] {
  const dir = join(dist, "pagefind/fragment");
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${lang}_`) && f.endsWith(".pf_fragment"))
    .map((f) => {
      const bytes = gunzipSync(readFileSync(join(dir, f)));
      const page = JSON.parse(bytes.subarray("pagefind_dcd".length).toString("utf8")) as { url: string; content: string };
      // Pagefind marks word breaks it found in CJK text with zero-width spaces.
      return { url: page.url, content: page.content.replace(/\u200b/g, "") };
    });
}
