import { FORMAT_LIMITS } from "../numpy/limits.ts";

/**
 * What the spike-file reader accepts: the byte-level readers' limits (src/lib/numpy/limits.ts)
 * and the recording's own, each checked before anything is allocated for it. A file beyond a
 * limit is refused with one line naming the limit; nothing the tutorial's recording (or any
 * plausible spike-sorted session) needs comes near them.
 */
export const LIMITS = {
  ...FORMAT_LIMITS,
  /** Neurons, and the longest recording, in seconds; spike times below the tolerance are refused. */
  maxNeurons: 20_000,
  /**
   * Spikes in all, counted as the file is read: an array the pickle refers to several times
   * counts each time (numpy would copy it each time). The tutorial's recording has ~8 million.
   */
  maxTotalSpikes: 100_000_000,
  maxRecordingSeconds: 1_000_000,
  minSpikeTime: -0.001,
} as const;
