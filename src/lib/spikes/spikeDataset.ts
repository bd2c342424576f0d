import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { DatasetDeclaration, DatasetInfo, LoadEnvironment } from "../datasets/declaration.ts";
import type { SpikeDataset } from "./dataset.ts";
import { exportNpz } from "./npzWrite.ts";
import { readSpikeFile, type RecordingTest } from "./readFile.ts";

/** Which data a spike dataset loads in an environment: a file, or the stand-in with a seed. */
export type SpikeChoice =
  | { readonly kind: "file"; readonly path: string; readonly why: string }
  | { readonly kind: "synthetic"; readonly seed: number; readonly why: string };

/** How a spike-time dataset is found and, when it is not there, stood in for. */
export interface SpikeDatasetOptions {
  readonly id: string;
  /** Environment variable naming a file to read instead of anything else (SPIKES_FILE). */
  readonly fileEnv: string;
  /** The real file's place in the project (data/<name>.npz), used when it exists. */
  readonly defaultFile: string;
  /** Where the real file can be downloaded (npm run data:fetch), when it is public. */
  readonly download?: string;
  /** Recognises the real recording by the facts published about it; a file that fails it is "another file". */
  readonly isRecording?: RecordingTest;
  /** Environment variable with the stand-in's seed (SPIKES_SEED), and the seed otherwise. */
  readonly seedEnv: string;
  readonly defaultSeed: number;
  /** Generates the labelled synthetic stand-in for a seed. */
  readonly standIn: (seed: number) => SpikeDataset;
  readonly citation?: { readonly text: string; readonly url: string };
}

/**
 * Decides the data: the file the environment names wins; otherwise the real file in the
 * project if present; otherwise the stand-in (seed from the environment, else the default).
 */
export function chooseSpikes(options: SpikeDatasetOptions, { env, root }: LoadEnvironment, exists = existsSync): SpikeChoice {
  const fromEnv = env[options.fileEnv]?.trim();
  if (fromEnv) return { kind: "file", path: resolve(root, fromEnv), why: `${options.fileEnv} is set` };
  const file = resolve(root, options.defaultFile);
  if (exists(file)) return { kind: "file", path: file, why: `${options.defaultFile} is in the project` };
  const seedText = env[options.seedEnv]?.trim();
  const seed = seedText ? Number(seedText) : options.defaultSeed;
  if (!/^\d{1,15}$/.test(seedText ?? "0") || !Number.isSafeInteger(seed))
    throw new Error(`${options.seedEnv} must be a non-negative integer, not ${JSON.stringify(seedText)}`);
  return { kind: "synthetic", seed, why: "no real data file is configured" };
}

/** The spike dataset a choice names, read and validated (a file) or generated (the stand-in). */
export function loadSpikes(options: SpikeDatasetOptions, choice: SpikeChoice): { value: SpikeDataset; info: DatasetInfo } {
  const value = choice.kind === "file" ? readSpikeFile(choice.path, options.isRecording) : options.standIn(choice.seed);
  // The stand-in's hash is that of its `npm run data:export` file, so a reader can check a download.
  const sha256 = value.sha256 ?? createHash("sha256").update(exportNpz(value)).digest("hex");
  const info: DatasetInfo = {
    id: options.id,
    source: value.source,
    origin: choice.kind === "file" ? basename(choice.path) : value.origin,
    sha256,
    ...(value.generator ? { generator: value.generator } : {}),
    key: sha256.slice(0, 16),
    ...(options.citation ? { citation: options.citation } : {}),
  };
  return { value: { ...value, sha256 }, info };
}

/** A dataset declaration for spike-time files (.npz / .npy as the tutorial's recording). */
export function spikeDataset(options: SpikeDatasetOptions): DatasetDeclaration<SpikeDataset> {
  return {
    id: options.id,
    ...(options.citation ? { citation: options.citation } : {}),
    describe: (environment) => {
      const choice = chooseSpikes(options, environment);
      return `${options.id}: ${choice.kind === "file" ? choice.path : `synthetic stand-in, seed ${choice.seed}`} (${choice.why})`;
    },
    load: (environment) => loadSpikes(options, chooseSpikes(options, environment)),
  };
}
