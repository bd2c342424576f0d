import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { courseOfRoot } from "../../src/course/courseFile.ts";
import { ContentTree } from "../../src/translation/status/contentTree.ts";
import { courseModel, loadCourseModel } from "../../src/course/courseModel.ts";
import { parseCourse } from "../../src/lib/courseConfig.ts";
import { plainCourseFile } from "../helpers/project.ts";
import { ROOT } from "../helpers/run.ts";
import { scratchFolder } from "../helpers/fixtures.ts";

/** Another project: this course's file with its source locale changed, as a plain object (no #course import). */
function otherProject(sourceLocale: string): string {
  const dir = scratchFolder("other-course-");
  writeFileSync(
    join(dir, "course.config.ts"),
    plainCourseFile((text) => text.replace(/sourceLocale: "[^"]+"/, `sourceLocale: "${sourceLocale}"`)),
  );
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
    expect((await courseOfRoot(ROOT)).sourceLocale).toBe("en");
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

describe("the course model: decided once from a folder and an environment", () => {
  it("a folder without a course file is refused, naming the file (never read as another project's course)", async () => {
    const dir = scratchFolder("no-course-");
    mkdirSync(join(dir, "content", "en"), { recursive: true });
    await expect(courseOfRoot(dir)).rejects.toThrow(new RegExp(`${dir}/course\\.config\\.ts: missing`));
  });

  it("holds the project's course, the environment's settings and the locales in the course's order", async () => {
    const dir = otherProject("ja");
    for (const locale of ["en", "ja", "pt-BR"]) {
      mkdirSync(join(dir, "src/translation/ui"), { recursive: true });
      writeFileSync(join(dir, `src/translation/ui/${locale}.json`), "{}");
    }
    const model = await loadCourseModel(dir, { BASE_PATH: "course", OFFLINE: "off", STRICT: "1" });
    expect(model.root).toBe(dir);
    expect(model.course.sourceLocale).toBe("ja");
    // The course file says ja, en; a locale it does not name comes last.
    expect(model.locales).toEqual(["ja", "en", "pt-BR"]);
    expect(model.settings).toMatchObject({ base: "/course/", offline: false, strict: true, url: null, sourceLocale: "ja" });
  });

  it("is built in memory from a parsed course file: the environment decides the settings, nothing else is read", () => {
    const dir = scratchFolder("memory-course-");
    const course = parseCourse({
      title: "T",
      tagline: "One line.",
      sourceLocale: "ko",
      localeOrder: [],
      licence: { text: "CC BY 4.0", links: [] },
      hosts: { slides: "https://example.org/{id}" },
      notebook: { videoCell: "# {title}" },
    });
    const model = courseModel(dir, course, { SITE_URL: "https://example.org/x/" });
    expect(model.settings.url).toBe("https://example.org/x");
    expect(model.settings.sourceLocale).toBe("ko");
    expect(model.locales).toEqual([]);
    expect(() => courseModel(dir, course, { BASE_PATH: "../up" })).toThrow(/^BASE_PATH must be a path/);
  });
});
