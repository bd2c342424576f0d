import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A file of a fixture course: text, bytes, or a symbolic link to a path. */
export type FixtureFile = string | Uint8Array | { readonly symlink: string };

/** Writes a small course (paths relative to its root) into a fresh temporary folder; returns the folder. */
export function makeCourse(files: Readonly<Record<string, FixtureFile>>): string {
  const root = mkdtempSync(join(tmpdir(), "course-fixture-"));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    if (typeof content === "object" && "symlink" in content) symlinkSync(content.symlink, full);
    else writeFileSync(full, content);
  }
  return root;
}

/** A chapter file: frontmatter with the required fields, then the body. */
export const chapterText = (body: string, title = "A chapter"): string =>
  `---\ntitle: ${title}\ndescription: One sentence.\ncourse: A course\norder: 1\nestimatedMinutes: 10\n---\n\n${body}`;

/** A real 1×1 PNG. */
export const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
