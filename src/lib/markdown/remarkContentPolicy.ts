import type { Root } from "mdast";
import type { VFile } from "vfile";
import { checkMdxPolicy } from "../content/mdxPolicy.ts";

/**
 * The content policy inside the MDX compiler itself: a chapter with an import, an expression
 * or disallowed HTML stops compiling (before its code could run), even when the build's
 * content check was skipped (`astro dev`, a direct `astro build`).
 */
export default function remarkContentPolicy() {
  return (tree: Root, file: VFile): void => {
    const problems = checkMdxPolicy(tree).filter(
      (p) => !/has no stable id|is already used|unknown component|unknown prop|missing prop/.test(p.message),
    );
    if (problems.length === 0) return;
    const where = file.path ? file.path.replace(`${file.cwd}/`, "") : "a chapter";
    throw new Error(`${where}:${problems[0]!.line}: ${problems[0]!.message}`);
  };
}
