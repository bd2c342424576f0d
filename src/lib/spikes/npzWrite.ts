import { crc32 } from "node:zlib";
import type { SpikeDataset, SpikeTrains } from "./dataset.ts";
import { SYNTHETIC_MARK } from "./parse.ts";
import { pickleObjectArray } from "./pickleWrite.ts";

/** The .npy bytes of the object array: a version 1.0 header padded to 64 bytes, then the pickle. */
export function encodeNpy(trains: SpikeTrains): Uint8Array {
  const dict = `{'descr': '|O', 'fortran_order': False, 'shape': (${trains.offsets.length - 1},), }`;
  const padded = dict + " ".repeat(63 - ((10 + dict.length) % 64)) + "\n";
  const pickle = pickleObjectArray(trains);
  const out = new Uint8Array(10 + padded.length + pickle.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, padded.length & 0xff, padded.length >> 8]);
  for (let i = 0; i < padded.length; i++) out[10 + i] = padded.charCodeAt(i);
  out.set(pickle, 10 + padded.length);
  return out;
}

/**
 * An .npz as `np.savez(path, spike_times=...)` writes it: one stored member `spike_times.npy`
 * with the zip64 extra field numpy always writes, and an optional archive comment.
 */
export function encodeNpz(trains: SpikeTrains, comment = ""): Uint8Array {
  const npy = encodeNpy(trains);
  const name = new TextEncoder().encode("spike_times.npy");
  const note = new TextEncoder().encode(comment);
  const local = 30 + name.length + 20;
  const central = 46 + name.length;
  const out = new Uint8Array(local + npy.length + central + 22 + note.length);
  const dv = new DataView(out.buffer);
  const crc = crc32(npy);
  // Local header: sizes saturated, the real ones in the zip64 extra field (id 1, 16 bytes).
  dv.setUint32(0, 0x04034b50, true);
  dv.setUint16(4, 45, true);
  dv.setUint16(12, 0x21, true); // DOS date 1980-01-01, as numpy's zipfile writes
  dv.setUint32(14, crc, true);
  dv.setUint32(18, 0xffffffff, true);
  dv.setUint32(22, 0xffffffff, true);
  dv.setUint16(26, name.length, true);
  dv.setUint16(28, 20, true);
  out.set(name, 30);
  dv.setUint16(30 + name.length, 1, true);
  dv.setUint16(32 + name.length, 16, true);
  dv.setBigUint64(34 + name.length, BigInt(npy.length), true);
  dv.setBigUint64(42 + name.length, BigInt(npy.length), true);
  out.set(npy, local);
  const c = local + npy.length;
  dv.setUint32(c, 0x02014b50, true);
  dv.setUint16(c + 4, 0x032d, true);
  dv.setUint16(c + 6, 45, true);
  dv.setUint16(c + 14, 0x21, true);
  dv.setUint32(c + 16, crc, true);
  dv.setUint32(c + 20, npy.length, true);
  dv.setUint32(c + 24, npy.length, true);
  dv.setUint16(c + 28, name.length, true);
  dv.setUint32(c + 38, 0o600 << 16, true);
  out.set(name, c + 46);
  const e = c + central;
  dv.setUint32(e, 0x06054b50, true);
  dv.setUint16(e + 8, 1, true);
  dv.setUint16(e + 10, 1, true);
  dv.setUint32(e + 12, central, true);
  dv.setUint32(e + 16, c, true);
  dv.setUint16(e + 20, note.length, true);
  out.set(note, e + 22);
  return out;
}

/**
 * The .npz `npm run data:export` writes for a dataset: exports of the stand-in carry a comment
 * that keeps them labelled synthetic when read back (np.load ignores it).
 */
export function exportNpz(data: SpikeDataset): Uint8Array {
  return encodeNpz(data, data.source === "synthetic" ? `${data.mark ?? SYNTHETIC_MARK} (${data.origin})` : "");
}
