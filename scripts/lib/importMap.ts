import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";

/**
 * Which of the generator's folders import which: one node per folder directly under src/ (and
 * per file directly in it), one edge per pair with at least one import (types included), drawn
 * as a Mermaid flowchart. The README's drawing is this text; a test keeps them the same.
 */
export function importEdges(root: string): [string, string][] {
  const src = join(root, "src");
  const nodeOf = (file: string): string | null => {
    const rel = relative(src, file);
    if (rel.startsWith("..")) return null;
    const [top, ...rest] = rel.split(sep);
    return rest.length ? top! : top!.replace(/\.[^.]+$/, "");
  };
  const edges = new Set<string>();
  for (const f of readdirSync(src, { recursive: true, encoding: "utf8" })) {
    if (!/\.(ts|mts|mjs|js|astro)$/.test(f) || f.endsWith(".d.ts")) continue;
    const file = join(src, f);
    const from = nodeOf(file)!;
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)["'](\.{1,2}\/[^"']+)["']/gm)) {
      const to = nodeOf(normalize(join(dirname(file), m[1]!)));
      if (to && to !== from) edges.add(`${from}\t${to}`);
    }
  }
  return [...edges].sort().map((e) => e.split("\t") as [string, string]);
}

/** The drawing, as the README holds it (a fenced Mermaid block). */
export function importMapMermaid(root: string): string {
  return ["```mermaid", "flowchart LR", ...importEdges(root).map(([a, b]) => `  ${a} --> ${b}`), "```"].join("\n");
}
