import { CONTENT_LIMITS } from "./limits.ts";
import { RASTER_READERS, rasterSizeProblem } from "./rasterImage.ts";
import { svgProblem } from "./svgPolicy.ts";

/**
 * What an image file with this extension is, or why it may not be published: a raster image
 * must be the format its name says (its signature read, not trusted) and within the limits on
 * its size and on the pixels of all its frames, which are what decoding it costs (its `pixels`);
 * an SVG must pass the SVG policy (costs no decoding). Runs in time linear in the file's size.
 */
export function readImage(extension: string, bytes: Uint8Array): { pixels: number } | { problem: string } {
  if (bytes.length > CONTENT_LIMITS.imageBytes)
    return {
      problem: `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; an image may weigh at most ${CONTENT_LIMITS.imageBytes / 1024 / 1024} MB`,
    };
  const ext = extension.toLowerCase();
  if (ext === "svg") {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return { problem: "is not UTF-8 text, so not an SVG file" };
    }
    const problem = svgProblem(text);
    return problem ? { problem: `is not a safe SVG: ${problem}` } : { pixels: 0 };
  }
  const read = RASTER_READERS[ext];
  if (!read) return { problem: `has an extension (.${ext}) that is not an image's` };
  if (ext === "avif" && String.fromCharCode(...bytes.subarray(8, 12)) === "avis")
    return { problem: "is an image sequence (an animated AVIF): show a still image, or an animated GIF or WebP within the limits" };
  const size = read(bytes);
  if (!size) return { problem: `is not a ${ext.toUpperCase()} image (its first bytes say otherwise)` };
  const problem = rasterSizeProblem(size);
  return problem ? { problem } : { pixels: size.width * size.height * size.frames };
}

/** Why these bytes may not be published as an image with this extension, or null when they may (readImage). */
export function imageProblem(extension: string, bytes: Uint8Array): string | null {
  const read = readImage(extension, bytes);
  return "problem" in read ? read.problem : null;
}
