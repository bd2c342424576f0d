import { printable } from "../text/printable.ts";
import { FormatError } from "./formatError.ts";
import { FORMAT_LIMITS as LIMITS } from "./limits.ts";

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
  if (len > LIMITS.maxHeaderBytes)
    throw new FormatError(`${what} has a ${len}-byte header; numpy refuses headers over ${LIMITS.maxHeaderBytes} bytes`);
  if (start + len > bytes.length) throw new FormatError(`${what} is cut short inside its header`);
  const text = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(bytes.subarray(start, start + len));
  const dict = parseHeaderDict(text, what);
  return { ...dict, dataOffset: start + len };
}

type HeaderValue = string | boolean | number[];

/**
 * Reads the header dictionary as Python's literal_eval would, but only what numpy writes
 * there: string keys, and string, True/False or tuple-of-integers values. One pass over the
 * text (no backtracking), so a long or hostile header costs time in proportion to its length.
 */
function readDict(text: string, what: string): Map<string, HeaderValue> {
  let i = 0;
  const fail = (why: string): never => {
    throw new FormatError(`${what} has a header numpy would not read (${why} at character ${i})`);
  };
  const space = () => {
    while (i < text.length && " \t\r\n".includes(text[i]!)) i++;
  };
  const expect = (ch: string) => {
    space();
    if (text[i] !== ch) fail(`expected ${ch}`);
    i++;
  };
  const str = (): string => {
    const quote = text[i];
    if (quote !== "'" && quote !== '"') fail("expected a string");
    const end = text.indexOf(quote!, i + 1);
    if (end < 0) fail("unterminated string");
    const value = text.slice(i + 1, end);
    if (value.includes("\\")) fail("escapes in a string");
    i = end + 1;
    return value;
  };
  const int = (): number => {
    const start = i;
    while (i < text.length && text[i]! >= "0" && text[i]! <= "9") i++;
    if (i === start || i - start > 15) fail("expected a non-negative integer");
    return Number(text.slice(start, i));
  };
  const value = (): HeaderValue => {
    space();
    if (text[i] === "'" || text[i] === '"') return str();
    if (text.startsWith("True", i)) return ((i += 4), true);
    if (text.startsWith("False", i)) return ((i += 5), false);
    if (text[i] !== "(") return fail("expected a string, True, False or a tuple");
    i++;
    const items: number[] = [];
    let comma = false;
    space();
    while (text[i] !== ")") {
      items.push(int());
      space();
      comma = text[i] === ",";
      if (comma) {
        i++;
        space();
      } else if (text[i] !== ")") fail("expected , or ) in the shape");
    }
    // (40) is the number 40 in Python, not a tuple: numpy refuses it as a shape.
    if (items.length === 1 && !comma) fail("a shape in parentheses without a comma, which is a number, not a tuple");
    i++;
    return items;
  };
  const dict = new Map<string, HeaderValue>();
  expect("{");
  space();
  while (text[i] !== "}") {
    const key = str();
    if (dict.has(key)) fail(`key ${printable(key, 20)} twice`);
    expect(":");
    dict.set(key, value());
    space();
    if (text[i] === ",") i++;
    else if (text[i] !== "}") fail("expected , or }");
    space();
  }
  i++;
  space();
  if (i !== text.length) fail("text after the dictionary");
  return dict;
}

function parseHeaderDict(text: string, what: string): Omit<NpyHeader, "dataOffset"> {
  const dict = readDict(text, what);
  const keys = [...dict.keys()].sort().join(", ");
  if (keys !== "descr, fortran_order, shape")
    throw new FormatError(`${what} has a header with the keys ${printable(keys, 80)}, not descr, fortran_order and shape`);
  const descr = dict.get("descr");
  const fortran = dict.get("fortran_order");
  const shape = dict.get("shape");
  if (typeof descr !== "string") throw new FormatError(`${what} has a descr that is not a plain dtype string`);
  if (typeof fortran !== "boolean") throw new FormatError(`${what} has a fortran_order that is not True or False`);
  if (!Array.isArray(shape)) throw new FormatError(`${what} has a shape that is not a tuple of integers`);
  return { descr, fortranOrder: fortran, shape };
}
