import { inflateSync } from "fflate";
import { crc32 } from "node:zlib";
import { printable } from "../text/printable.ts";
import { FormatError } from "./formatError.ts";
import { FORMAT_LIMITS as LIMITS } from "./limits.ts";

/** One member of a zip archive, as listed by its central directory. */
export interface ZipMember {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc32: number;
  readonly localHeaderOffset: number;
  /** Where its data starts and ends in the archive (after its local header). */
  readonly dataStart: number;
  readonly dataEnd: number;
}

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const EOCD_SIG = 0x06054b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const MAX32 = 0xffffffff;

/** True when the bytes start like a zip archive (a local file header). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && view(bytes).getUint32(0, true) === LOCAL_SIG;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function cutShort(): FormatError {
  return new FormatError("the zip archive is cut short");
}

/** Lists the members of a zip archive from its central directory (zip64 records included). */
export function listZipMembers(bytes: Uint8Array): ZipMember[] {
  const dv = view(bytes);
  const eocd = findEndOfCentralDirectory(dv);
  let count = dv.getUint16(eocd + 10, true);
  let dirOffset = dv.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if (locator >= 0 && dv.getUint32(locator, true) === ZIP64_LOCATOR_SIG) {
    const z64 = Number(dv.getBigUint64(locator + 8, true));
    if (z64 + 56 > bytes.length || dv.getUint32(z64, true) !== ZIP64_EOCD_SIG) throw cutShort();
    count = Number(dv.getBigUint64(z64 + 32, true));
    dirOffset = Number(dv.getBigUint64(z64 + 48, true));
  }
  if (count > LIMITS.maxMembers)
    throw new FormatError(`the zip archive lists ${count} members, more than the ${LIMITS.maxMembers} accepted`);
  const members: ZipMember[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length) throw cutShort();
    if (dv.getUint32(p, true) !== CENTRAL_SIG) throw new FormatError("the zip central directory is damaged");
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen > bytes.length) throw cutShort();
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (members.some((m) => m.name === name))
      throw new FormatError(
        `the zip archive has two members named ${printable(name, 60)}: which one numpy reads is not what another reader would, so it is refused`,
      );
    const sizes = {
      size: dv.getUint32(p + 24, true),
      compressedSize: dv.getUint32(p + 20, true),
      localHeaderOffset: dv.getUint32(p + 42, true),
    };
    readZip64Extra(dv, p + 46 + nameLen, extraLen, sizes);
    const shown = printable(name, 60);
    // Python's zipfile (which numpy reads with) refuses what follows, so do we.
    if (dv.getUint16(p + 8, true) & 1) throw new FormatError(`the zip member ${shown} is encrypted, which numpy cannot read`);
    const h = sizes.localHeaderOffset;
    if (h + 30 > bytes.length) throw cutShort();
    if (dv.getUint32(h, true) !== LOCAL_SIG) throw new FormatError(`the zip entry for ${shown} is damaged`);
    const localNameLen = dv.getUint16(h + 26, true);
    const localName = bytes.subarray(h + 30, h + 30 + localNameLen);
    if (localNameLen !== nameLen || !localName.every((b, k) => b === bytes[p + 46 + k]))
      throw new FormatError(`the zip member ${shown} has another name in its own header than in the directory`);
    if (dv.getUint16(h + 6, true) & 1) throw new FormatError(`the zip member ${shown} is encrypted, which numpy cannot read`);
    const dataStart = h + 30 + localNameLen + dv.getUint16(h + 28, true);
    const dataEnd = dataStart + sizes.compressedSize;
    if (dataEnd > bytes.length) throw cutShort();
    members.push({ name, method: dv.getUint16(p + 10, true), crc32: dv.getUint32(p + 16, true), ...sizes, dataStart, dataEnd });
    p += 46 + nameLen + extraLen + commentLen;
  }
  // Members may not share bytes (one would be read as a decoy of another), nor run into the directory.
  const ordered = [...members].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  ordered.forEach((m, i) => {
    const next = ordered[i + 1]?.localHeaderOffset ?? dirOffset;
    if (m.dataEnd > next)
      throw new FormatError(`the zip member ${printable(m.name, 60)} overlaps ${ordered[i + 1] ? "another member" : "the directory"}`);
  });
  return members;
}

/** The archive comment (numpy writes none; our exports use it to mark synthetic data). */
export function zipComment(bytes: Uint8Array): string {
  const dv = view(bytes);
  const eocd = findEndOfCentralDirectory(dv);
  const len = dv.getUint16(eocd + 20, true);
  return new TextDecoder().decode(bytes.subarray(eocd + 22, eocd + 22 + len));
}

function findEndOfCentralDirectory(dv: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const stop = Math.max(0, dv.byteLength - 22 - 0xffff);
  for (let p = dv.byteLength - 22; p >= stop; p--) {
    if (dv.getUint32(p, true) === EOCD_SIG && p + 22 + dv.getUint16(p + 20, true) === dv.byteLength) return p;
  }
  throw cutShort();
}

function readZip64Extra(
  dv: DataView,
  start: number,
  length: number,
  sizes: { size: number; compressedSize: number; localHeaderOffset: number },
): void {
  let p = start;
  const end = Math.min(start + length, dv.byteLength);
  while (p + 4 <= end) {
    const id = dv.getUint16(p, true);
    const len = dv.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      // Only the fields whose 32-bit value is saturated are present, in this order.
      for (const key of ["size", "compressedSize", "localHeaderOffset"] as const) {
        if (sizes[key] === MAX32 && q + 8 <= Math.min(p + 4 + len, end)) {
          sizes[key] = Number(dv.getBigUint64(q, true));
          q += 8;
        }
      }
    }
    p += 4 + len;
  }
}

/**
 * The bytes of one member, checked against its CRC-32: a view into `bytes` for stored members
 * (no copy), inflated with fflate for deflated ones. Throws when the archive is cut short or corrupt.
 */
export function readZipMember(bytes: Uint8Array, member: ZipMember): Uint8Array {
  if (member.dataEnd > bytes.length) throw cutShort();
  const out = extract(bytes.subarray(member.dataStart, member.dataEnd), member);
  if (crc32(out) !== member.crc32)
    throw new FormatError(`the zip member ${printable(member.name, 60)} is corrupt (its checksum does not match)`);
  return out;
}

function extract(raw: Uint8Array, member: ZipMember): Uint8Array {
  const name = printable(member.name, 60);
  if (member.method === 0) {
    if (member.size !== raw.length)
      throw new FormatError(`the stored member ${name} declares ${member.size} bytes but holds ${raw.length}`);
    return raw;
  }
  if (member.method !== 8)
    throw new FormatError(`the zip member ${name} uses compression method ${member.method}, which numpy never writes`);
  // Checked before anything is allocated: the declared size, absolutely and against what deflate can reach.
  if (member.size > LIMITS.maxInflatedBytes || member.size > raw.length * LIMITS.maxInflateRatio + 1024)
    throw new FormatError(`the deflated member ${name} declares ${member.size} bytes from ${raw.length}, more than accepted`);
  let out: Uint8Array;
  try {
    // One byte of room past the declared size: a member that inflates further is lying about it.
    out = inflateSync(raw, { out: new Uint8Array(member.size + 1) });
  } catch (err) {
    throw new FormatError(`the deflated member ${name} is corrupt (${printable((err as Error).message, 60)})`);
  }
  if (out.length > member.size)
    throw new FormatError(`the deflated member ${name} inflates to more than the ${member.size} bytes it declares`);
  if (out.length !== member.size) throw cutShort();
  return out;
}
