/**
 * What a raster image will cost to decode, read from its headers without decoding it: its
 * size and how many frames it has (an animated GIF, PNG or WebP is decoded frame by frame).
 * Each reader walks the file's own structure once, so a file of n bytes costs O(n).
 */

import { CONTENT_LIMITS } from "./limits.ts";

export interface RasterSize {
  readonly width: number;
  readonly height: number;
  /** Frames a decoder decodes (1 for a still image). */
  readonly frames: number;
}

type Reader = (b: Uint8Array) => RasterSize | null;

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
const be16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const le16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const be32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const le24 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const le32 = (b: Uint8Array, at: number) => (le24(b, at) + b[at + 3]! * 0x1000000) >>> 0;

/** A PNG's size; an animated PNG's frame count from its `acTL` chunk (chunks are walked up to the image data). */
function png(b: Uint8Array): RasterSize | null {
  if (b.length < 24 || b[0] !== 0x89 || ascii(b, 1, 3) !== "PNG" || ascii(b, 12, 4) !== "IHDR") return null;
  let frames = 1;
  for (let at = 8; at + 8 <= b.length;) {
    const length = be32(b, at);
    const type = ascii(b, at + 4, 4);
    if (type === "acTL" && at + 12 <= b.length) frames = Math.max(1, be32(b, at + 8));
    if (type === "IDAT" || type === "IEND") break;
    at += 12 + length;
  }
  return { width: be32(b, 16), height: be32(b, 20), frames };
}

/** Skips a GIF's data sub-blocks from `at` (each a length byte, then that many bytes; 0 ends them). */
function skipSubBlocks(b: Uint8Array, at: number): number {
  while (at < b.length && b[at] !== 0) at += b[at]! + 1;
  return at + 1;
}

/** A GIF's logical screen and its frames: every image descriptor, counted by walking the blocks. */
function gif(b: Uint8Array): RasterSize | null {
  if (b.length < 13 || !/^GIF8[79]a$/.test(ascii(b, 0, 6))) return null;
  const table = (flags: number) => (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  let frames = 0;
  let at = 13 + table(b[10]!);
  while (at < b.length) {
    const block = b[at]!;
    if (block === 0x3b) break; // the trailer
    if (block === 0x21)
      at = skipSubBlocks(b, at + 2); // an extension: its label, then its data
    else if (block === 0x2c) {
      frames++;
      if (at + 10 > b.length) break;
      at = skipSubBlocks(b, at + 10 + table(b[at + 9]!) + 1); // descriptor, local colours, LZW code size, data
    } else break; // not a GIF block: what was read so far counts
  }
  return { width: le16(b, 6), height: le16(b, 8), frames: Math.max(frames, 1) };
}

/** A JPEG's size from its first start-of-frame segment, walking the segments (each at most once). */
function jpeg(b: Uint8Array): RasterSize | null {
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
      return { height: be16(b, at + 5), width: be16(b, at + 7), frames: 1 };
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

/** A WebP's canvas, and its frames when animated (each `ANMF` chunk of the RIFF file). */
function webp(b: Uint8Array): RasterSize | null {
  if (b.length < 30 || ascii(b, 0, 4) !== "RIFF" || ascii(b, 8, 4) !== "WEBP") return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === "VP8 ") return { width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff, frames: 1 };
  if (chunk === "VP8L") {
    const bits = le32(b, 21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, frames: 1 };
  }
  if (chunk !== "VP8X") return null;
  let frames = 0;
  for (let at = 12; at + 8 <= b.length;) {
    if (ascii(b, at, 4) === "ANMF") frames++;
    const size = le32(b, at + 4);
    at += 8 + size + (size & 1);
  }
  return { width: le24(b, 24) + 1, height: le24(b, 27) + 1, frames: Math.max(frames, 1) };
}

/** An AVIF still image's size: the largest `ispe` (image spatial extent) box it declares. Image sequences (`avis`) are not read. */
function avif(b: Uint8Array): RasterSize | null {
  if (b.length < 16 || ascii(b, 4, 4) !== "ftyp" || ascii(b, 8, 4) !== "avif") return null;
  let size: RasterSize | null = null;
  const end = Math.min(b.length - 16, 1 << 20);
  for (let at = 12; at < end; at++) {
    if (b[at] !== 0x69 || ascii(b, at, 4) !== "ispe") continue;
    const width = be32(b, at + 8);
    const height = be32(b, at + 12);
    if (!size || width * height > size.width * size.height) size = { width, height, frames: 1 };
  }
  return size;
}

/** The raster formats a chapter may show, by file extension (lower case). */
export const RASTER_READERS: Readonly<Record<string, Reader>> = { png, jpg: jpeg, jpeg, gif, webp, avif };

/** The raster format a `data:` address's media type names (`image/png` → png), or undefined. */
export const rasterOfMediaType = (type: string): string | undefined =>
  ({ "image/png": "png", "image/jpeg": "jpeg", "image/gif": "gif", "image/webp": "webp", "image/avif": "avif" })[type.toLowerCase()];

/** A count of pixels as readers say it ("40 million"). */
export const megapixels = (n: number): string => `${Math.round(n / 1e5) / 10} million`;

/** Why a raster image of this size may not be decoded for the site, or null when it may. */
export function rasterSizeProblem({ width, height, frames }: RasterSize): string | null {
  if (width < 1 || height < 1) return "declares no width or height";
  if (width > CONTENT_LIMITS.imageSide || height > CONTENT_LIMITS.imageSide)
    return `is ${width} × ${height} pixels; at most ${CONTENT_LIMITS.imageSide} a side is allowed`;
  const pixels = width * height * frames;
  if (pixels > CONTENT_LIMITS.imagePixels)
    return frames > 1
      ? `has ${frames} frames of ${width} × ${height} pixels (${megapixels(pixels)} to decode); at most ${megapixels(CONTENT_LIMITS.imagePixels)} pixels are allowed across all frames`
      : `is ${width} × ${height} pixels; at most ${megapixels(CONTENT_LIMITS.imagePixels)} pixels are allowed`;
  return null;
}
