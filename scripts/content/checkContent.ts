import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { CHAPTERS, chapterCells } from "../../src/cells/registry.ts";
import { chapterData } from "../../src/data/chapterData.ts";
import { checkComponents } from "../../src/lib/content/checkComponents.ts";
import { ContentTree } from "../i18n/content.ts";
import { checkUiStrings } from "../i18n/checks.ts";

/** Every chapter of every locale: content/<locale>/<chapter>/index.mdx, relative to the root. */
function chapterSources(root: string): string[] {
  return readdirSync(join(root, "content"), { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith("/index.mdx"))
    .map((path) => join("content", path))
    .sort();
}

/**
 * What the build checks before Astro starts, so a mistake stops it with the file and line:
 * every locale's UI strings, and every component every chapter uses (known component and
 * props, cells and outputs and values that exist).
 */
export async function checkContent(root: string): Promise<string[]> {
  const problems = checkUiStrings(new ContentTree(root))
    .filter((f) => f.level === "error")
    .map((f) => `${f.where}: ${f.message}`);
  for (const file of chapterSources(root)) {
    const [, locale, ...rest] = file.split("/");
    const slug = rest.slice(0, -1).join("/");
    if (!(slug in CHAPTERS)) {
      problems.push(`${file}: no cells are registered for chapter "${slug}" (src/cells/registry.ts)`);
      continue;
    }
    const mdx = readFileSync(join(root, file), "utf8");
    const frontmatter = /^---\n([\s\S]*?)\n---/.exec(mdx)?.[1] ?? "";
    const elapsed = Object.keys(((parse(frontmatter) ?? {}) as { elapsed?: Record<string, number> }).elapsed ?? {});
    const chapter = await chapterData(slug);
    const ids = {
      cells: chapterCells(slug).cells.map((c) => c.id),
      outputs: Object.keys(chapter.outputs),
      values: Object.keys(chapterCells(slug).proseValues(chapter.input, locale!)),
      elapsed,
    };
    problems.push(...checkComponents(mdx, file, ids));
  }
  return problems;
}
