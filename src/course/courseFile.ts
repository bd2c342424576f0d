import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CourseConfigError, parseCourse, type CourseConfig } from "../lib/courseConfig.ts";
import { withCourseTranslations } from "./courseTranslations.ts";

/** Where a project keeps its course file. */
export const COURSE_FILE = "course.config.ts";

/**
 * The course file of the project at `root` (its course.config.ts), checked, with its translations
 * (src/translation/course/<locale>.json) merged in. The one place a course file is read: the
 * build's model and every command's `--root` come through here, so a command works on the
 * course of the folder it is given and on no other.
 */
export async function courseOfRoot(root: string): Promise<CourseConfig> {
  const file = join(root, COURSE_FILE);
  if (!existsSync(file)) throw new CourseConfigError(`${file}: missing: a course's folder has its course file (${COURSE_FILE})`);
  let module: { default?: unknown };
  try {
    module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default?: unknown };
  } catch (err) {
    throw new CourseConfigError(`${file}: cannot be read: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
  }
  return withCourseTranslations(parseCourse(module.default, file), root);
}
