import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readImage } from "../../../src/lib/content/imageFile.ts";
import { RASTER_READERS } from "../../../src/lib/content/rasterImage.ts";
import { pythonWithScience } from "../../helpers/python.ts";
import { ROOT } from "../../helpers/run.ts";

// What an image costs to decode, read from its headers, against what Pillow (Debian's, which
// matplotlib brings) reads from the same files: width, height and every frame of an animation.
let dir = "";
let answers: Record<string, { width: number; height: number; frames: number }> = {};
beforeAll(() => {
  const { python, reason } = pythonWithScience();
  if (!python) throw new Error(reason);
  dir = mkdtempSync(join(tmpdir(), "raster-"));
  answers = JSON.parse(
    execFileSync(python, [join(ROOT, "tests/fixtures/images/make_images.py"), dir], { encoding: "utf8" }),
  ) as typeof answers;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const extension = (name: string) => (name.endsWith(".apng") ? "png" : extname(name).slice(1));

describe("an image's cost, read from its headers", () => {
  it("is Pillow's size and frame count for still and animated GIF, PNG, WebP and JPEG", () => {
    const names = readdirSync(dir).sort();
    expect(names.length).toBeGreaterThanOrEqual(9);
    for (const name of names) {
      const read = RASTER_READERS[extension(name)]!(readFileSync(join(dir, name)));
      expect(read, name).toEqual(answers[name]);
    }
  });

  it("counts every frame against the limit: a small file of many large frames is refused in one line", () => {
    for (const name of readdirSync(dir)) {
      const result = readImage(extension(name), readFileSync(join(dir, name)));
      const { width, height, frames } = answers[name]!;
      if (name.startsWith("many-frames")) {
        expect(result, name).toEqual({
          problem: expect.stringMatching(
            new RegExp(`^has ${frames} frames of ${width} × ${height} pixels .*at most 40 million pixels are allowed across all frames$`),
          ) as string,
        });
      } else expect(result, name).toEqual({ pixels: width * height * frames });
    }
  });
});
