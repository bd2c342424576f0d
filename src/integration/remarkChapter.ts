import { relative } from "node:path";
import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import type { ChapterIds } from "../lib/content/components.ts";
import { checkMdxPolicy } from "../lib/content/mdxPolicy.ts";
import { pointImages } from "../checks/chapterImages.ts";
import { formatProblem, problemAt, ProblemError, type Problem } from "../lib/problem.ts";

import { chapterFilePath, chapterOfFilePath } from "../lib/content/chapterFiles.ts";

export interface ChapterPipelineOptions {
  readonly root: string;
  readonly sourceLocale: string;
  /** What a chapter may refer to (its module's cells, outputs, values), by slug; null for a chapter without one. */
  readonly idsFor: (slug: string) => ChapterIds | null;
  /**
   * Under `npm run dev`: a chapter the content check refuses is shown as its problem, with file and
   * line, in the page (which reloads when the file is fixed), instead of the dev server's error screen.
   */
  readonly dev?: boolean;
}

/** Each `<Cell>` of a chapter with the id of the section (the last `##`/`###` heading before it) it is in. */
export function sectionFigures(tree: Root): { section: string; cell: string }[] {
  const found: { section: string; cell: string }[] = [];
  let section = "";
  for (const node of tree.children) {
    if (node.type === "heading") {
      section = /\{#([A-Za-z][\w-]*)\}\s*$/.exec(toString(node))?.[1] ?? section;
      continue;
    }
    visit(node, (n) => {
      if ((n.type === "mdxJsxFlowElement" || n.type === "mdxJsxTextElement") && n.name === "Cell") {
        const id = n.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "id")?.value;
        if (typeof id === "string") found.push({ section, cell: id });
      }
    });
  }
  return found;
}

/**
 * The content check inside the MDX compiler itself, on the very tree it compiles: the whole
 * policy (ids included) and every image resolved and checked before the compiler's image step
 * turns references into imports. It holds in `astro dev` and in any build that skipped the
 * course's own check, and it cannot disagree with that check: it is the same code on the same tree.
 */
export default function remarkChapter(options: ChapterPipelineOptions) {
  return (tree: Root, file: VFile): void => {
    const path = (file.path as string | undefined)?.replace(/\\/g, "/") ?? "";
    const match = chapterOfFilePath(path);
    const where = path ? relative(options.root, path).replace(/\\/g, "/") : "a chapter";
    const ids = match ? options.idsFor(match.slug) : null;
    const frontmatter = (file.data.astro as { frontmatter?: { elapsed?: Record<string, number> } } | undefined)?.frontmatter;
    const problem = checkMdxPolicy(tree, ids && { ...ids, elapsed: Object.keys(frontmatter?.elapsed ?? {}) })[0];
    if (problem && options.dev) {
      tree.children = [problemBox(problemAt(where, problem.message, { line: problem.line }))];
      return;
    }
    if (problem) throw new ProblemError(problemAt(where, problem.message, { line: problem.line }));
    // Which figures each section holds, for the contents' links to them (remarkPluginFrontmatter.figures).
    const astro = file.data.astro as { frontmatter?: Record<string, unknown> } | undefined;
    if (astro?.frontmatter) astro.frontmatter.figures = sectionFigures(tree);
    if (!match) return;
    const { locale, slug } = match;
    const sourceFile = locale === options.sourceLocale ? null : chapterFilePath(options.sourceLocale, slug);
    try {
      pointImages(tree, options.root, where, sourceFile);
    } catch (err) {
      if (!(options.dev && err instanceof ProblemError)) throw err;
      tree.children = [problemBox(err.problem)];
    }
  };
}

/** A chapter's problem as the page shows it under `npm run dev` (the chapter page's problem list style). */
function problemBox(problem: Problem): RootContent {
  return {
    type: "paragraph",
    data: { hName: "aside", hProperties: { className: ["dev-problems"], role: "alert" } },
    children: [{ type: "inlineCode", value: formatProblem(problem) }],
  };
}
