/**
 * What the reader accepts, each checked before anything is allocated for it. A file beyond a
 * limit is refused with one line naming the limit; nothing the tutorial's recording (or any
 * plausible spike-sorted session) needs comes near them.
 */
export const LIMITS = {
  /** The size of a data file (the tutorial's recording is 30 MB). */
  maxFileBytes: 2 ** 30,
  /** numpy refuses .npy headers longer than this unless told the file is trusted (np.lib.format). */
  maxHeaderBytes: 10_000,
  /** Members of an .npz archive (np.savez writes one per array). */
  maxMembers: 1_000,
  /** A member's inflated size, absolute, and relative to its compressed size (deflate's best is ~1032:1). */
  maxInflatedBytes: 2 ** 30,
  maxInflateRatio: 1_100,
  /** Pickle integers wider than this (LONG1 / LONG4 opcodes) are refused: numpy's arrays need none. */
  maxIntegerBytes: 8,
  /** Objects a pickle may create, values it may hold on its stack, marks and memo entries at once. */
  maxPickleObjects: 1_000_000,
  maxPickleStack: 100_000,
  maxPickleMarks: 10_000,
  maxPickleMemo: 1_000_000,
  /** Bytes a pickle may make through `_codecs.encode`, relative to its own length. */
  maxEncodedRatio: 2,
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
