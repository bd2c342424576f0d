import { decodeSpikeTimes } from "./decode.ts";
import type { SpikeTrains } from "./dataset.ts";
import { FormatError } from "../numpy/formatError.ts";
import { looksLikeNpy } from "../numpy/npy.ts";
import { listZipMembers, looksLikeZip, readZipMember, zipComment } from "../numpy/zip.ts";

/**
 * How the zip comment of our exports of a synthetic stand-in starts (np.load ignores it); a
 * dataset's stand-in may say more (`SpikeDataset.mark`: which recording it is not).
 */
export const SYNTHETIC_MARK = "SYNTHETIC STAND-IN";

export interface ParsedSpikeFile {
  readonly trains: SpikeTrains;
  /** True for an .npz whose archive comment marks it as an export of the synthetic stand-in. */
  readonly markedSynthetic: boolean;
}

/**
 * Parses the bytes of an .npz (member `spike_times.npy`) or a bare .npy holding the tutorial's
 * object array. Throws a FormatError stating what is wrong; never returns partial data.
 * The spike times reuse the memory of `bytes`, which the caller gives up.
 */
export function parseSpikeFile(bytes: Uint8Array): ParsedSpikeFile {
  if (looksLikeNpy(bytes)) return { trains: decodeSpikeTimes(bytes), markedSynthetic: false };
  if (!looksLikeZip(bytes)) throw new FormatError("not a zip archive nor a .npy file");
  const members = listZipMembers(bytes);
  const member = members.find((m) => m.name === "spike_times.npy");
  if (!member) {
    const names = members.map((m) => m.name.replace(/\.npy$/, "")).join(", ") || "no members";
    throw new FormatError(`no member spike_times (it has: ${names})`);
  }
  const markedSynthetic = zipComment(bytes).startsWith(SYNTHETIC_MARK);
  return { trains: decodeSpikeTimes(readZipMember(bytes, member)), markedSynthetic };
}
