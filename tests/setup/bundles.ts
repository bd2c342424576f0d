import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT } from "../helpers/run.ts";

/**
 * Bundles every command package.json runs through scripts/run.mjs once, before any test: the
 * project copies the tests make carry the bundles along (tests/helpers/project.ts) instead of
 * each bundling every command it runs again.
 */
export default async function setup(): Promise<void> {
  const scripts = Object.values(
    (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts,
  );
  const names = [...new Set(scripts.flatMap((s) => [...s.matchAll(/scripts\/run\.mjs ([a-z0-9./_-]+)/g)].map((m) => m[1]!)))];
  await Promise.all(
    names.map((name) =>
      promisify(execFile)(process.execPath, [join(ROOT, "scripts/run.mjs"), name], {
        cwd: ROOT,
        env: { ...process.env, RUN_BUNDLE_ONLY: "1" },
      }),
    ),
  );
}
