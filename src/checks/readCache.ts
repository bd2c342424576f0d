import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONTENT_LIMITS } from "../lib/content/limits.ts";

/**
 * Which chapter texts were already read within the limits (parsed in the bounded thread
 * without running out of time or memory). Such a text, byte for byte, parses as quickly again,
 * so its checks may run in process; any other goes to the bounded thread. Kept under
 * node_modules/.cache (a project's copies share it, a fresh install starts empty), keyed by the
 * text, the limits, the parser's package versions and the code that parses.
 */
export class ReadCache {
  private readonly dir: string;
  private readonly stamp: string;

  constructor(projectRoot: string) {
    this.dir = join(projectRoot, "node_modules", ".cache", "course-read");
    this.stamp = parserStamp(projectRoot);
  }

  private key(text: string): string {
    return createHash("sha256").update(this.stamp).update("\n").update(text).digest("hex");
  }

  /** True when this exact text was read within the limits before. */
  has(text: string): boolean {
    return existsSync(join(this.dir, this.key(text)));
  }

  /** Records a text as read within the limits (best effort: a cache that cannot be written is no cache). */
  add(text: string): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(join(this.dir, this.key(text)), "");
    } catch {
      // read-only node_modules: every text goes to the bounded thread
    }
  }
}

/** What the time a text takes to parse depends on: the limits, the parser packages' versions, our parsing code. */
function parserStamp(projectRoot: string): string {
  const hash = createHash("sha256").update(JSON.stringify(CONTENT_LIMITS));
  for (const pkg of ["@mdx-js/mdx", "remark-gfm", "remark-math", "remark-cjk-friendly", "micromark", "mdast-util-from-markdown"]) {
    try {
      const manifest = readFileSync(join(projectRoot, "node_modules", pkg, "package.json"), "utf8");
      hash.update(`${pkg}@${(JSON.parse(manifest) as { version: string }).version}\n`);
    } catch {
      hash.update(`${pkg}@?\n`);
    }
  }
  for (const file of ["parseMdx.ts", "nesting.ts", "splitFrontmatter.ts", "syntax.ts", "limits.ts"])
    hash.update(readFileSync(join(import.meta.dirname, "../lib/content", file)));
  return hash.digest("hex");
}
