import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative } from "node:path";
import { transformSync, type Message } from "esbuild";
import { COURSE_FILE } from "../course/courseFile.ts";
import { problemAt, type Problem } from "../lib/problem.ts";

/** The course's own code: the course file, and every TypeScript file of its chapters and datasets. */
export function courseCodeFiles(root: string): string[] {
  const files = existsSync(join(root, COURSE_FILE)) ? [COURSE_FILE] : [];
  for (const top of ["chapters", "datasets"]) {
    if (!existsSync(join(root, top))) continue;
    for (const f of readdirSync(join(root, top), { recursive: true, encoding: "utf8" })) if (f.endsWith(".ts")) files.push(`${top}/${f}`);
  }
  return files.sort();
}

// Each file's last check, by its text's hash: the development server checks the whole course
// after every save, and only what changed is parsed again.
const checked = new Map<string, { readonly hash: string; readonly problems: readonly Problem[] }>();

const atMessage = (file: string, m: Message): Problem =>
  problemAt(file, m.text, m.location ? { line: m.location.line, column: m.location.column + 1 } : { line: 1 });

/**
 * Syntax errors in the course's code, each at its file, line and column, found before
 * Astro loads anything (it would report them wrapped in its config loader's error and a stack).
 */
export function checkCourseCode(root: string): Problem[] {
  const problems: Problem[] = [];
  for (const file of courseCodeFiles(root)) {
    // A link could point anywhere on the machine, and a parser's message quotes what it read.
    if (lstatSync(join(root, file)).isSymbolicLink()) {
      problems.push(problemAt(file, "is a symbolic link; the course's code must be plain files"));
      continue;
    }
    const text = readFileSync(join(root, file), "utf8");
    const key = `${root}\n${file}`;
    const hash = createHash("sha1").update(text).digest("hex");
    const known = checked.get(key);
    if (known?.hash === hash) {
      problems.push(...known.problems);
      continue;
    }
    const found: Problem[] = [];
    try {
      transformSync(text, { loader: "ts", sourcefile: file, logLevel: "silent" });
    } catch (err) {
      const errors = (err as { errors?: Message[] }).errors ?? [];
      found.push(
        ...(errors.length ? errors.map((m) => atMessage(relative(root, join(root, file)), m)) : [problemAt(file, (err as Error).message)]),
      );
    }
    checked.set(key, { hash, problems: found });
    problems.push(...found);
  }
  return problems;
}
