import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { courseOfRoot } from "../../src/course/courseFile.ts";
import { ContentTree } from "../../src/translation/status/contentTree.ts";
import { course as thisCourse } from "../../src/site.ts";

/** Another project: this course's file with its source locale changed, as a plain object (no #course import). */
function otherProject(sourceLocale: string): string {
  const dir = mkdtempSync(join(tmpdir(), "other-course-"));
  const text = readFileSync(join(import.meta.dirname, "../../course.config.ts"), "utf8")
    .replace(/^import .*#course.*$/m, "")
    .replace("defineCourse(", "(")
    .replace(/sourceLocale: "[^"]+"/, `sourceLocale: "${sourceLocale}"`);
  writeFileSync(join(dir, "course.config.ts"), text);
  for (const locale of ["en", "ja"]) {
    mkdirSync(join(dir, "content", locale, "week1/intro"), { recursive: true });
    writeFileSync(join(dir, "content", locale, "week1/intro/index.mdx"), "---\ntitle: x\n---\n");
  }
  mkdirSync(join(dir, "content", "ja", "only-ja"), { recursive: true });
  writeFileSync(join(dir, "content", "ja", "only-ja", "index.mdx"), "---\ntitle: x\n---\n");
  return dir;
}

describe("a command's --root is the whole truth for its course", () => {
  it("reads the project's own course file: its source locale decides which chapters are sources", async () => {
    expect(thisCourse().sourceLocale).toBe("en");
    const dir = otherProject("ja");
    const course = await courseOfRoot(dir);
    expect(course.sourceLocale).toBe("ja");
    expect(new ContentTree(dir, course.sourceLocale).chapters()).toEqual(["only-ja", "week1/intro"]);
  });

  it("a course file that does not parse is refused with one line naming it", async () => {
    const dir = otherProject("ja");
    writeFileSync(join(dir, "course.config.ts"), "export default { title: 3 };\n");
    await expect(courseOfRoot(dir)).rejects.toThrow(/course\.config\.ts: title/);
    const broken = otherProject("ja");
    writeFileSync(join(broken, "course.config.ts"), "export default {{;\n");
    await expect(courseOfRoot(broken)).rejects.toThrow(/course\.config\.ts: cannot be read/);
  });
});
