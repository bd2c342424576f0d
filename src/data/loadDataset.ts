import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chooseData, type DataChoice } from "../lib/spikes/choice.ts";
import type { SpikeDataset } from "../lib/spikes/dataset.ts";
import { exportNpz } from "../lib/spikes/npzWrite.ts";
import { readSpikeFile } from "../lib/spikes/readFile.ts";
import { RECORDING } from "../lib/spikes/recording.ts";
import { DEFAULT_SEED, generateSynthetic } from "../lib/spikes/synthetic.ts";
import { timed } from "./timings.ts";

/** data/steinmetz_w1d1.npz in this project. */
export const DEFAULT_DATA_FILE = fileURLToPath(new URL(`../../data/${RECORDING.fileName}`, import.meta.url));

/** The data choice for this process's environment. */
export function currentChoice(env: NodeJS.ProcessEnv = process.env): DataChoice {
  return chooseData({ env, defaultFile: DEFAULT_DATA_FILE, exists: existsSync, defaultSeed: DEFAULT_SEED });
}

/**
 * Loads what a choice names: reads and validates the file, or generates the stand-in. The
 * stand-in's sha256 is that of its `npm run data:export` file, so a reader can check a download.
 */
export function loadChoice(choice: DataChoice): SpikeDataset {
  if (choice.kind === "file") return readSpikeFile(choice.path);
  const data = generateSynthetic(choice.seed);
  return { ...data, sha256: createHash("sha256").update(exportNpz(data)).digest("hex") };
}

const KEY = Symbol.for("explorable-course.build-dataset");

/**
 * The build's dataset, loaded once per process however many pages and locales ask. Kept on
 * globalThis so the build script (which validates the data before Astro starts) and the pages
 * Astro bundles separately share one load.
 */
export function buildDataset(): Promise<SpikeDataset> {
  const g = globalThis as unknown as Record<symbol, Promise<SpikeDataset> | undefined>;
  g[KEY] ??= Promise.resolve().then(() => timed("data", () => loadChoice(currentChoice())));
  return g[KEY];
}
