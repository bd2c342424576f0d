import { chapterCells } from "../cells/registry.ts";
import type { CellInput } from "../cells/types.ts";
import type { PythonOutput } from "../cells/w1d1-tutorial1/outputs.ts";
import { computeSummary } from "../lib/analysis/summary.ts";
import type { SpikeDataset } from "../lib/spikes/dataset.ts";
import { buildDataset } from "./loadDataset.ts";
import { timed } from "./timings.ts";

/** What the pages of a dataset need: which data it is (never the raw times) and its numbers. */
export interface DatasetInfo {
  readonly source: SpikeDataset["source"];
  readonly origin: string;
  readonly sha256: string | null;
  readonly nNeurons: number;
  readonly totalSpikes: number;
  readonly generator?: SpikeDataset["generator"];
}

/** A chapter's computed content, shared by its pages in every locale. */
export interface ChapterData {
  readonly slug: string;
  readonly dataset: DatasetInfo;
  readonly input: CellInput;
  readonly payloads: Readonly<Record<string, unknown>>;
  readonly outputs: Readonly<Record<string, PythonOutput>>;
}

// On globalThis: the build script computes a chapter while checking the content, then Astro's
// separately bundled pages use the same result.
const shared = globalThis as unknown as Record<symbol, Map<string, Promise<ChapterData>> | undefined>;
const KEY = Symbol.for("explorable-course.chapter-data");
const cache: Map<string, Promise<ChapterData>> = (shared[KEY] ??= new Map<string, Promise<ChapterData>>());

/** Computes a chapter's payloads and outputs once per build, whatever the number of locales. */
export function chapterData(slug: string): Promise<ChapterData> {
  let pending = cache.get(slug);
  if (!pending) {
    pending = buildDataset().then((dataset) =>
      timed("data", () => {
        const chapter = chapterCells(slug);
        const input: CellInput = { dataset, summary: computeSummary(dataset) };
        const payloads = Object.fromEntries(chapter.cells.map((cell) => [cell.id, cell.data(input)]));
        const info: DatasetInfo = {
          source: dataset.source,
          origin: dataset.source === "synthetic" ? dataset.origin : dataset.origin.split("/").pop()!,
          sha256: dataset.sha256,
          nNeurons: input.summary.n_neurons,
          totalSpikes: input.summary.total_spikes,
          ...(dataset.generator ? { generator: dataset.generator } : {}),
        };
        return { slug, dataset: info, input, payloads, outputs: chapter.pythonOutputs(input) };
      }),
    );
    cache.set(slug, pending);
  }
  return pending;
}

const files = new Map<string, Promise<Map<string, Uint8Array>>>();

/** A chapter's on-demand data files (computed once per build). */
export function chapterFiles(slug: string): Promise<Map<string, Uint8Array>> {
  let pending = files.get(slug);
  if (!pending) {
    pending = chapterData(slug).then((c) => timed("data", () => chapterCells(slug).dataFiles?.(c.input) ?? new Map()));
    files.set(slug, pending);
  }
  return pending;
}
