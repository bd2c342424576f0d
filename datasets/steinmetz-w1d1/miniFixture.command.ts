import { resolve } from "node:path";
import { writeFileAtomic } from "#lib/fs/atomicWrite.ts";
import { encodeNpz } from "#lib/spikes/npzWrite.ts";
import { generateSynthetic } from "./standIn.ts";
import { runCli } from "#commands";

// Writes tests/fixtures/site/mini-734.npz: the stand-in's shape (734 neurons, neuron 283's
// refractory ISIs) at 1/100 of its spikes, without the synthetic mark, so builds read it as
// "another file". Run once; the file is committed.
runCli("usage: node datasets/steinmetz-w1d1/miniFixture.command.ts", () => {
  const out = resolve(import.meta.dirname, "../../tests/fixtures/site/mini-734.npz");
  writeFileAtomic(out, encodeNpz(generateSynthetic(77, { countScale: 0.01 })));
  process.stderr.write(`wrote ${out}\n`);
});
