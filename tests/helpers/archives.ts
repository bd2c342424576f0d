import { deflateSync } from "fflate";
import { crc32 } from "node:zlib";

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** Bytes from numbers and latin-1 strings, for writing pickles and headers by hand. */
export function bytesOf(...parts: (number | string | Uint8Array)[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === "number" ? Uint8Array.of(p) : typeof p === "string" ? Uint8Array.from(ascii(p)) : p));
  const out = new Uint8Array(arrays.reduce((a, b) => a + b.length, 0));
  let o = 0;
  for (const a of arrays) {
    out.set(a, o);
    o += a.length;
  }
  return out;
}

/** A .npy file: a header text (version 1, or 2 for a long one) and a body. */
export function npyFile(header: string, body: Uint8Array, version: 1 | 2 = 1): Uint8Array {
  const h = Uint8Array.from(ascii(header));
  const pre = version === 1 ? 10 : 12;
  const out = new Uint8Array(pre + h.length + body.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const dv = new DataView(out.buffer);
  if (version === 1) dv.setUint16(8, h.length, true);
  else dv.setUint32(8, h.length, true);
  out.set(h, pre);
  out.set(body, pre + h.length);
  return out;
}

/** The object-array header numpy writes for `n` neurons. */
export const objectHeader = (n: number) => `{'descr': '|O', 'fortran_order': False, 'shape': (${n},), }\n`;

export interface MemberSpec {
  readonly name: string;
  readonly data: Uint8Array;
  readonly deflate?: boolean;
  /** A size to declare instead of the true one (a lying archive). */
  readonly declaredSize?: number;
}

/** A zip archive of members (stored or deflated), with a central directory and correct checksums. */
export function zipFile(members: readonly MemberSpec[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Uint8Array.from(ascii(m.name));
    const body = m.deflate ? deflateSync(m.data) : m.data;
    const size = m.declaredSize ?? m.data.length;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, m.deflate ? 8 : 0, true);
    lv.setUint32(14, crc32(m.data), true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const c = new Uint8Array(46 + name.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, m.deflate ? 8 : 0, true);
    cv.setUint32(16, crc32(m.data), true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    c.set(name, 46);
    parts.push(local, body);
    central.push(c);
    offset += local.length + body.length;
  }
  const dirSize = central.reduce((a, b) => a + b.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, members.length, true);
  ev.setUint16(10, members.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  return bytesOf(...parts, ...central, end);
}
