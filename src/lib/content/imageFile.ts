import { CONTENT_LIMITS } from "./limits.ts";
import { svgProblem } from "./svgPolicy.ts";

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
const be16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const le16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const be32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const le24 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);

type Size = { width: number; height: number } | null;

function pngSize(b: Uint8Array): Size {
  if (b.length < 24 || ascii(b, 1, 3) !== "PNG" || b[0] !== 0x89 || ascii(b, 12, 4) !== "IHDR") return null;
  return { width: be32(b, 16), height: be32(b, 20) };
}

function gifSize(b: Uint8Array): Size {
  if (b.length < 10 || !/^GIF8[79]a$/.test(ascii(b, 0, 6))) return null;
  return { width: le16(b, 6), height: le16(b, 8) };
}

/** A JPEG's size from its first start-of-frame segment, walking the segments (each at most once). */
function jpegSize(b: Uint8Array): Size {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = be16(b, at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: be16(b, at + 5), width: be16(b, at + 7) };
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

function webpSize(b: Uint8Array): Size {
  if (b.length < 30 || ascii(b, 0, 4) !== "RIFF" || ascii(b, 8, 4) !== "WEBP") return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === "VP8 ") return { width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff };
  if (chunk === "VP8L") {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") return { width: le24(b, 24) + 1, height: le24(b, 27) + 1 };
  return null;
}

/** An AVIF's size: its brand, then the largest `ispe` (image spatial extent) box it declares. */
function avifSize(b: Uint8Array): Size {
  if (b.length < 16 || ascii(b, 4, 4) !== "ftyp" || !/^avi[fs]$/.test(ascii(b, 8, 4))) return null;
  let size: Size = null;
  const end = Math.min(b.length - 12, 1 << 20);
  for (let at = 12; at < end; at++) {
    if (b[at] !== 0x69 || ascii(b, at, 4) !== "ispe") continue;
    const width = be32(b, at + 8);
    const height = be32(b, at + 12);
    if (!size || width * height > size.width * size.height) size = { width, height };
  }
  return size;
}

const RASTER: Record<string, (b: Uint8Array) => Size> = {
  png: pngSize,
  jpg: jpegSize,
  jpeg: jpegSize,
  gif: gifSize,
  webp: webpSize,
  avif: avifSize,
};

/**
 * Why these bytes may not be published as an image with this extension, or null when they
 * may: a raster image must be the format its name says (its signature read, not trusted) and
 * within the size limits; an SVG must pass the SVG policy (no script, handlers, foreign
 * content, outside references). Runs in time linear in the file's size.
 */
export function imageProblem(extension: string, bytes: Uint8Array): string | null {
  if (bytes.length > CONTENT_LIMITS.imageBytes)
    return `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; an image may weigh at most ${CONTENT_LIMITS.imageBytes / 1024 / 1024} MB`;
  const ext = extension.toLowerCase();
  if (ext === "svg") {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return "is not UTF-8 text, so not an SVG file";
    }
    const problem = svgProblem(text);
    return problem ? `is not a safe SVG: ${problem}` : null;
  }
  const read = RASTER[ext];
  if (!read) return `has an extension (.${ext}) that is not an image's`;
  const size = read(bytes);
  if (!size) return `is not a ${ext.toUpperCase()} image (its first bytes say otherwise)`;
  const { width, height } = size;
  if (width < 1 || height < 1) return "declares no width or height";
  if (width > CONTENT_LIMITS.imageSide || height > CONTENT_LIMITS.imageSide || width * height > CONTENT_LIMITS.imagePixels)
    return `is ${width} × ${height} pixels; at most ${CONTENT_LIMITS.imageSide} a side and ${CONTENT_LIMITS.imagePixels / 1e6} million pixels are allowed`;
  return null;
}
