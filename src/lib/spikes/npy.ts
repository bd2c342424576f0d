import { FormatError } from "./errors.ts";

/** The header of a .npy file (format versions 1.0, 2.0 and 3.0). */
export interface NpyHeader {
  /** numpy's dtype string, e.g. "|O", "<f4", ">f8". */
  readonly descr: string;
  readonly fortranOrder: boolean;
  readonly shape: readonly number[];
  /** Offset of the array data (or the pickle, for object arrays) from the start of the file. */
  readonly dataOffset: number;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** True when the bytes start with the .npy magic string. */
export function looksLikeNpy(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

/** Parses the .npy preamble and its Python-literal header dictionary. */
export function parseNpyHeader(bytes: Uint8Array, what = "the .npy data"): NpyHeader {
  if (!looksLikeNpy(bytes)) throw new FormatError(`${what} does not start with the .npy magic string`);
  if (bytes.length < 10) throw new FormatError(`${what} is cut short inside its header`);
  const major = bytes[6]!;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let len: number;
  let start: number;
  if (major === 1) {
    len = dv.getUint16(8, true);
    start = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) throw new FormatError(`${what} is cut short inside its header`);
    len = dv.getUint32(8, true);
    start = 12;
  } else {
    throw new FormatError(`${what} has .npy format version ${major}.${bytes[7]}, which is not one of 1.0, 2.0, 3.0`);
  }
  if (start + len > bytes.length) throw new FormatError(`${what} is cut short inside its header`);
  const text = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(bytes.subarray(start, start + len));
  const dict = parseHeaderDict(text, what);
  return { ...dict, dataOffset: start + len };
}

function parseHeaderDict(text: string, what: string): Omit<NpyHeader, "dataOffset"> {
  const descr = /'descr':\s*'([^']*)'/.exec(text)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new FormatError(`${what} has a header without descr, fortran_order and shape: ${JSON.stringify(text.trim())}`);
  }
  const shape = shapeText
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => {
      const n = Number(s.replace(/L$/, ""));
      if (!Number.isSafeInteger(n) || n < 0) throw new FormatError(`${what} has an invalid shape (${shapeText})`);
      return n;
    });
  return { descr, fortranOrder: fortran === "True", shape };
}
