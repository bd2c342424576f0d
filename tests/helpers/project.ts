import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./run.ts";

import { PROJECT_PARTS } from "../../scripts/lib/projectParts.ts";

export { PROJECT_PARTS };

/**
 * Copies the parts of the project a build or the translators' tools read into a folder (a new
 * temporary one unless `dest` is given); node_modules is linked, not copied.
 */
export function copyProject(parts: readonly string[] = PROJECT_PARTS, dest?: string): string {
  const dir = dest ?? mkdtempSync(join(tmpdir(), "course-copy-"));
  mkdirSync(dir, { recursive: true });
  for (const part of parts) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  if (parts.includes("package.json")) symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

/** Makes the copy a git repository with one commit, as a translator's clone would be. */
export function commitAll(dir: string, message = "snapshot"): void {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "ignore" });
  git("init", "-q");
  git("-c", "user.name=test", "-c", "user.email=test@example.invalid", "add", "-A");
  git("-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-qm", message);
}

/** Replaces text in a file of the copy, failing if the text is not there. */
export function edit(dir: string, path: string, from: string | RegExp, to: string): void {
  const file = join(dir, path);
  const text = readFileSync(file, "utf8");
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${path}: nothing matched ${String(from)}`);
  writeFileSync(file, next);
}

/**
 * Every file under some folders of a copy (content/ and the UI strings by default), path ->
 * sha256: "changes nothing" means two snapshots are equal.
 */
export function snapshotFiles(dir: string, tops: readonly string[] = ["content", "src/translation/ui"]): Map<string, string> {
  const files = new Map<string, string>();
  for (const top of tops)
    for (const f of readdirSync(join(dir, top), { recursive: true, encoding: "utf8" }).sort()) {
      const path = join(dir, top, f);
      if (statSync(path).isFile()) files.set(join(top, f), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  return files;
}
