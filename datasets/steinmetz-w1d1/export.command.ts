import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "#lib/fs/atomicWrite.ts";
import steinmetz from "./index.ts";
import { exportNpz } from "#lib/spikes/npzWrite.ts";
import { runCli, UsageError } from "#commands";

const USAGE = "usage: npm run data:export -- <out.npz>";

runCli(USAGE, () => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length !== 1 || !positionals[0]!.endsWith(".npz")) throw new UsageError("give exactly one output path ending in .npz");
  const out = resolve(positionals[0]!);
  const data = steinmetz.load({ env: process.env, root: resolve(import.meta.dirname, "../..") }).value;
  writeFileAtomic(out, exportNpz(data));
  process.stderr.write(`wrote ${out}: ${data.offsets.length - 1} neurons, ${data.times.length} spikes (${data.source}: ${data.origin})\n`);
  process.stderr.write(`read it in Python with: np.load("${out}", allow_pickle=True)["spike_times"]\n`);
});
