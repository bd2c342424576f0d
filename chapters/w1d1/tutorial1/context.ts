import type { Summary, SummaryParams } from "./summary.ts";
import type { SpikeDataset } from "#lib/spikes/dataset.ts";
import type { ChapterContext } from "#course";

/** What Tutorial 1's cells compute from: the spike times, and the tutorial's numbers. */
export type Tutorial1 = ChapterContext<{ readonly spikes: SpikeDataset }, Summary>;

/** The tutorial's parameters: `t_interval = (5, 15)` s, neuron 283, 50 bins. */
export const TUTORIAL_PARAMS: SummaryParams = { interval: [5, 15], neuron: 283, bins: 50 };
