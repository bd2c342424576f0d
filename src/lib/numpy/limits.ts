/**
 * What the byte-level readers (.npy, .npz, pickle) accept, each checked before anything is
 * allocated for it: a file past a limit is refused with one line naming the limit.
 */
export const FORMAT_LIMITS = {
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
} as const;
