import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./run.ts";

import { PROJECT_PARTS } from "../../scripts/lib/projectParts.ts";

export { PROJECT_PARTS };

/**
 * This project's course file as a plain object, readable where `#course` does not resolve (a
 * folder without the project's package.json); `edit` changes its text on the way.
 */
export function plainCourseFile(edit: (text: string) => string = (t) => t): string {
  return edit(
    readFileSync(join(ROOT, "course.config.ts"), "utf8")
      .replace(/^import .*#course.*$/m, "")
      .replace("defineCourse(", "("),
  );
}

/**
 * Copies the parts of the project a build or the translators' tools read into a folder (a new
 * temporary one unless `dest` is given); node_modules is linked, not copied. A copy always has
 * a course file (a command's --root reads the folder's own): the project's, or its plain form
 * when the copy has no package.json to resolve `#course` with.
 */
export function copyProject(parts: readonly string[] = PROJECT_PARTS, dest?: string): string {
  const dir = dest ?? mkdtempSync(join(tmpdir(), "course-copy-"));
  mkdirSync(dir, { recursive: true });
  for (const part of parts) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  if (parts.includes("package.json")) symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  if (!parts.includes("course.config.ts")) writeFileSync(join(dir, "course.config.ts"), plainCourseFile());
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
