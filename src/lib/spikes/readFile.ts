import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import type { SpikeDataset } from "./dataset.ts";
import { FormatError } from "../numpy/formatError.ts";
import { SpikeFileError } from "./errors.ts";
import { LIMITS } from "./limits.ts";
import { parseSpikeFile } from "./parse.ts";
import type { SpikeTrains } from "./dataset.ts";

/** Marks a refusal that came from an unexpected error (the fuzz test asserts there are none). */
export const UNEXPECTED = "unexpected error";

/** Recognises a dataset's real recording from its contents (its declaration knows the published facts). */
export type RecordingTest = (trains: SpikeTrains) => boolean;

/**
 * Reads and validates a spike-time file. The dataset says whether it is the real recording
 * (`isRecording` recognises it; without one no file is), an export of a synthetic stand-in, or
 * another file. Any problem is a SpikeFileError naming the file; nothing partial is returned.
 */
export function readSpikeFile(path: string, isRecording: RecordingTest = () => false): SpikeDataset {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > LIMITS.maxFileBytes) throw new SpikeFileError(path, `is ${size} bytes, more than the ${LIMITS.maxFileBytes} accepted`);
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof SpikeFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (err as Error).message;
    throw new SpikeFileError(path, `cannot be read (${why})`);
  }
  return parseSpikeBytes(bytes, path, isRecording);
}

/**
 * Validates the bytes of a spike-time file (read from `name`), as `readSpikeFile` does; the
 * bytes are given up (the spike times reuse their memory). Every refusal is a SpikeFileError.
 */
export function parseSpikeBytes(bytes: Uint8Array, name: string, isRecording: RecordingTest = () => false): SpikeDataset {
  try {
    // Hash first: parsing reuses the file's memory for the spike times.
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const { trains, markedSynthetic } = parseSpikeFile(bytes);
    const source = markedSynthetic ? "synthetic" : isRecording(trains) ? "real" : "file";
    return { ...trains, source, origin: name, sha256 };
  } catch (err) {
    if (err instanceof FormatError) throw new SpikeFileError(name, err.message);
    // Anything else is a gap in the checks above; the reader still gets one line, not a stack.
    throw new SpikeFileError(name, `is damaged where no check expected it (${UNEXPECTED})`);
  }
}
