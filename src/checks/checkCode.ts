import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { transformSync, type Message } from "esbuild";

/** The course's own code: the course file, and every TypeScript file of its chapters and datasets. */
export function courseCodeFiles(root: string): string[] {
  const files = existsSync(join(root, "course.config.ts")) ? ["course.config.ts"] : [];
  for (const top of ["chapters", "datasets"]) {
    if (!existsSync(join(root, top))) continue;
    for (const f of readdirSync(join(root, top), { recursive: true, encoding: "utf8" })) if (f.endsWith(".ts")) files.push(`${top}/${f}`);
  }
  return files.sort();
}

const line = (file: string, m: Message) => `${file}:${m.location ? `${m.location.line}:${m.location.column + 1}` : "1"}: ${m.text}`;

/**
 * Syntax errors in the course's code, one line each (`file:line:column: message`), found before
 * Astro loads anything (it would report them wrapped in its config loader's error and a stack).
 */
export function checkCourseCode(root: string): string[] {
  const problems: string[] = [];
  for (const file of courseCodeFiles(root)) {
    // A link could point anywhere on the machine, and a parser's message quotes what it read.
    if (lstatSync(join(root, file)).isSymbolicLink()) {
      problems.push(`${file}: is a symbolic link; the course's code must be plain files`);
      continue;
    }
    try {
      transformSync(readFileSync(join(root, file), "utf8"), { loader: "ts", sourcefile: file, logLevel: "silent" });
    } catch (err) {
      const errors = (err as { errors?: Message[] }).errors ?? [];
      problems.push(
        ...(errors.length ? errors.map((m) => line(relative(root, join(root, file)), m)) : [`${file}: ${(err as Error).message}`]),
      );
    }
  }
  return problems;
}
