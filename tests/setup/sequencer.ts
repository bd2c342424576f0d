import { readFileSync } from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The order test files start in, longest first, so that the last files to start are short
 * ones and no worker is left alone with a long file at the end. Vitest orders by the
 * durations it recorded in earlier runs on this machine; a fresh clone has none, and would
 * order by file size, which says little here (the generic browser suite is a helper: the files
 * that call it are short). So, without a recorded duration, a file's cost is estimated from
 * what it does: driving the generic suite over every page, then driving a browser, then running
 * long by its name (`*.long.test.ts`: the fuzzer is one process on one core for several
 * seconds, and ended a fresh clone's run alone when it came last), then building a site, then
 * the rest; and by size within each.
 */
const COSTS: readonly [RegExp, number][] = [
  [/\bgenericSuite\(/, 3],
  [/\b(browserSuite|launchChromium)\(/, 2],
  [/\b(site|buildSite)\(|"build\.ts"|scripts\/build\.ts/, 1],
];

function estimatedCost(file: string): number {
  const text = readFileSync(file, "utf8");
  return COSTS.find(([pattern]) => pattern.test(text))?.[1] ?? (file.endsWith(".long.test.ts") ? 1.5 : 0);
}

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const cache = this.ctx.cache;
    if (sorted.every((f) => cache.getTestSpecificationResult(f))) return sorted; // this machine's own durations
    const cost = new Map(sorted.map((f) => [f, estimatedCost(f.moduleId)]));
    const projects = [...new Set(sorted.map((f) => f.project.name))];
    const at = new Map(sorted.map((f, i) => [f, i]));
    // Projects in vitest's order; within one, costliest first, then vitest's order (larger files first).
    return [...sorted].sort(
      (a, b) =>
        projects.indexOf(a.project.name) - projects.indexOf(b.project.name) || cost.get(b)! - cost.get(a)! || at.get(a)! - at.get(b)!,
    );
  }
}
