import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { SpikeDataset } from "./dataset.ts";
import { FormatError, SpikeFileError } from "./errors.ts";
import { parseSpikeFile } from "./parse.ts";
import { matchesPublishedRecording } from "./recording.ts";

/**
 * Reads and validates a spike-time file. The dataset says whether it is the real recording
 * (it carries every published fact of it), an export of the synthetic stand-in, or another
 * file. Any problem is a SpikeFileError naming the file; nothing partial is returned.
 */
export function readSpikeFile(path: string): SpikeDataset {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (err as Error).message;
    throw new SpikeFileError(path, `cannot be read (${why})`);
  }
  try {
    // Hash first: parsing reuses the file's memory for the spike times.
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const { trains, markedSynthetic } = parseSpikeFile(bytes);
    const source = markedSynthetic ? "synthetic" : matchesPublishedRecording(trains) ? "real" : "file";
    return { ...trains, source, origin: path, sha256 };
  } catch (err) {
    if (err instanceof FormatError) throw new SpikeFileError(path, err.message);
    throw err;
  }
}
