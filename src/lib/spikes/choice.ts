import { RECORDING } from "./recording.ts";

/** Which data the build uses: a file (from the environment or data/), or the synthetic stand-in. */
export type DataChoice =
  | { readonly kind: "file"; readonly path: string; readonly why: string }
  | { readonly kind: "synthetic"; readonly seed: number; readonly why: string };

export interface ChoiceInputs {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Path of the default real-data file, data/steinmetz_w1d1.npz under the project root. */
  readonly defaultFile: string;
  readonly exists: (path: string) => boolean;
  readonly defaultSeed: number;
}

/**
 * Decides the data: `SPIKES_FILE` wins; otherwise the real file in data/ if present; otherwise
 * the synthetic stand-in (seed from `SPIKES_SEED`, else the default).
 */
export function chooseData({ env, defaultFile, exists, defaultSeed }: ChoiceInputs): DataChoice {
  const fromEnv = env.SPIKES_FILE?.trim();
  if (fromEnv) return { kind: "file", path: fromEnv, why: "SPIKES_FILE is set" };
  if (exists(defaultFile)) return { kind: "file", path: defaultFile, why: `${RECORDING.fileName} is in data/` };
  const seedText = env.SPIKES_SEED?.trim();
  const seed = seedText ? Number(seedText) : defaultSeed;
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`SPIKES_SEED must be a non-negative integer, not ${JSON.stringify(seedText)}`);
  return { kind: "synthetic", seed, why: "no real data file is configured" };
}
