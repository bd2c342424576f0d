import { existsSync } from "node:fs";
import { resolve, join } from "node:path";
import { pathToFileURL } from "node:url";
import { course, declaredCourse } from "../site.ts";
import { CourseConfigError, parseCourse, type CourseConfig } from "../lib/courseConfig.ts";
import { withCourseTranslations } from "./courseTranslations.ts";

/** This repository's root: its own course file is already read (src/site.ts). */
const HERE = resolve(import.meta.dirname, "../..");

/**
 * The course file of the project at `root` (its course.config.ts), checked: a command given
 * `--root` works on that project's course, not this repository's. A folder without a course
 * file (a copy of content/ alone, as the tests make) is read as this repository's course.
 */
export async function courseOfRoot(root: string): Promise<CourseConfig> {
  const file = join(root, "course.config.ts");
  if (resolve(root) === HERE) return course();
  // A copy of content/ alone: this repository's course file, with the copy's own translations of it.
  if (!existsSync(file)) return withCourseTranslations(declaredCourse(), root);
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (err) {
    throw new CourseConfigError(`${file}: cannot be read: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
  }
  return withCourseTranslations(parseCourse(module.default, file), root);
}
