import { parseArgs } from "node:util";
import { resolve } from "node:path";
import steinmetz from "#datasets/steinmetz-w1d1/index.ts";
import { computeSummary, type SummaryParams } from "./summary.ts";
import { readSpikeFile } from "#lib/spikes/readFile.ts";
import { runCli, UsageError } from "#commands";

/** W1D1 Tutorial 1's parameters: `t_interval = (5, 15)`, neuron 283, 50 bins. */
const TUTORIAL_PARAMS: SummaryParams = { interval: [5, 15], neuron: 283, bins: 50 };

const USAGE = "usage: npm run --silent data:summary -- [file.npz|file.npy] [--interval 5,15] [--neuron 283] [--bins 50]";

function parseNumberList(text: string, what: string): [number, number] {
  const parts = text.split(",").map((s) => Number(s.trim()));
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n)) || parts[0]! > parts[1]!) {
    throw new UsageError(`${what} must be two numbers "min,max" with min <= max, not ${JSON.stringify(text)}`);
  }
  return [parts[0]!, parts[1]!];
}

function parseInteger(text: string, what: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${what} must be an integer >= ${min}, not ${JSON.stringify(text)}`);
  return n;
}

runCli(USAGE, () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { interval: { type: "string" }, neuron: { type: "string" }, bins: { type: "string" } },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`expected at most one file, got ${positionals.length}`);
  const params = {
    interval: values.interval ? parseNumberList(values.interval, "--interval") : TUTORIAL_PARAMS.interval,
    neuron: values.neuron ? parseInteger(values.neuron, "--neuron", 0) : TUTORIAL_PARAMS.neuron,
    bins: values.bins ? parseInteger(values.bins, "--bins", 1) : TUTORIAL_PARAMS.bins,
  };
  const data = positionals[0]
    ? readSpikeFile(positionals[0])
    : steinmetz.load({ env: process.env, root: resolve(import.meta.dirname, "../../..") }).value;
  process.stdout.write(`${JSON.stringify(computeSummary(data, params), null, 1)}\n`);
});
