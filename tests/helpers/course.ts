import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { crc32 } from "node:zlib";

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

/**
 * The head of a PNG of any size (signature and IHDR, nothing to decode): what the checks read
 * before they would let an image be decoded, for testing their limits without making the pixels.
 */
export function pngOfSize(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const chunk = Buffer.concat([Buffer.from("IHDR"), ihdr]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(chunk), 0);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(13, 0);
  return Buffer.concat([PNG_1X1.subarray(0, 8), length, chunk, crc]);
}
