import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "#lib/fs/atomicWrite.ts";
import { histogram } from "#lib/analysis/histogram.ts";
import { mean } from "#lib/analysis/numeric.ts";
import { countInInterval, experimentDuration, interSpikeIntervals } from "#lib/analysis/spikeTrains.ts";
import { fractionBelowMean, median } from "#lib/analysis/stats.ts";
import { neuronSpikes, spikeCounts } from "#lib/spikes/dataset.ts";
import { assembleSpikeTrains, unpickleNeurons } from "#lib/spikes/decode.ts";
import { encodeNpz } from "#lib/spikes/npzWrite.ts";
import { SYNTHETIC_MARK } from "#lib/spikes/parse.ts";
import { generateSynthetic } from "../standIn.ts";
import { listZipMembers, readZipMember } from "#lib/numpy/zip.ts";
import { runCli } from "#commands";

const ROOT = join(import.meta.dirname, "..", "..", "..");

const USAGE = "usage: npm run bench:data [-- --file <full-scale.npz>] [--runs 7]";
type Steps = Record<string, number>;

/** One measured load + summary, in this (fresh) process: milliseconds per step and memory. */
function measureOnce(file: string): { steps: Steps; baselineMb: number; peakMb: number } {
  const baselineMb = process.memoryUsage().rss / 2 ** 20;
  const steps: Steps = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    steps[name] = now - t;
    t = now;
  };
  const bytes = readFileSync(file);
  lap("read file");
  createHash("sha256").update(bytes).digest("hex");
  lap("sha256 (for the page)");
  const npy = readZipMember(
    bytes,
    listZipMembers(bytes).find((m) => m.name === "spike_times.npy")!,
  );
  lap("unzip + CRC-32");
  const neurons = unpickleNeurons(npy);
  lap("unpickle");
  const data = assembleSpikeTrains(neurons);
  lap("gather + validate");
  const counts = spikeCounts(data);
  mean(counts);
  median(counts);
  fractionBelowMean(counts);
  histogram(counts, 50);
  lap("counts, mean, median, histogram");
  countInInterval(data, [5, 15]);
  lap("restrict to 5-15 s");
  experimentDuration(data);
  lap("duration (ptp)");
  const isis = interSpikeIntervals(neuronSpikes(data, 283));
  mean(isis);
  let max = 0;
  for (const v of isis) max = Math.max(max, v);
  histogram(isis, 50, { range: [0, max] });
  lap("ISIs of neuron 283");
  return { steps, baselineMb, peakMb: process.resourceUsage().maxRSS / 1024 };
}

function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function numpyReference(file: string, runs: number): { total: number; load: number; peakMb: number; baselineMb: number } | string {
  const script = join(import.meta.dirname, "numpy_reference.py");
  try {
    const results = Array.from(
      { length: runs },
      () =>
        JSON.parse(execFileSync("python3", [script, file], { encoding: "utf8" })) as {
          total_s: number;
          steps_s: Steps;
          peak_rss_mb: number;
        },
    );
    const baseline = Number(
      execFileSync("python3", ["-c", "import resource, numpy; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"], {
        encoding: "utf8",
      }),
    );
    return {
      total: medianOf(results.map((r) => r.total_s * 1000)),
      load: medianOf(results.map((r) => r.steps_s.load! * 1000)),
      peakMb: medianOf(results.map((r) => r.peak_rss_mb)),
      baselineMb: baseline,
    };
  } catch {
    return "python3 with numpy is not available here, so there is no numpy reference";
  }
}

runCli(USAGE, () => {
  const { values } = parseArgs({ options: { file: { type: "string" }, runs: { type: "string" }, child: { type: "string" } } });
  if (values.child) {
    process.stdout.write(JSON.stringify(measureOnce(values.child)));
    return;
  }
  const runs = Number(values.runs ?? 7);
  let file = values.file;
  if (!file) {
    file = join(tmpdir(), "bench-spikes-full.npz");
    if (!existsSync(file)) {
      const data = generateSynthetic();
      writeFileAtomic(file, encodeNpz(data, `${SYNTHETIC_MARK} (${data.origin})`));
    }
  }
  const mb = statSync(file).size / 1e6;
  process.stdout.write(`file: ${file} (${mb.toFixed(1)} MB); ${runs} runs, each in a fresh process; medians\n\n`);
  const results = Array.from(
    { length: runs },
    () =>
      JSON.parse(execFileSync(process.execPath, [import.meta.filename, "--child", file], { encoding: "utf8" })) as ReturnType<
        typeof measureOnce
      >,
  );
  const names = Object.keys(results[0]!.steps);
  const perStep = names.map((n) => [n, medianOf(results.map((r) => r.steps[n]!))] as const);
  const byteSteps = new Set(["read file", "unzip + CRC-32", "unpickle", "gather + validate", "sha256 (for the page)"]);
  for (const [name, ms] of perStep) {
    const rate = byteSteps.has(name) ? `${(mb / (ms / 1000)).toFixed(0).padStart(6)} MB/s` : "";
    process.stdout.write(`${name.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms ${rate}\n`);
  }
  const total = medianOf(results.map((r) => Object.values(r.steps).reduce((a, b) => a + b, 0)));
  const load = medianOf(
    results.map((r) => r.steps["read file"]! + r.steps["unzip + CRC-32"]! + r.steps.unpickle! + r.steps["gather + validate"]!),
  );
  const totalNoHash = medianOf(results.map((r) => Object.entries(r.steps).reduce((a, [k, v]) => a + (k.startsWith("sha256") ? 0 : v), 0)));
  const peak = medianOf(results.map((r) => r.peakMb));
  const baseline = medianOf(results.map((r) => r.baselineMb));
  process.stdout.write(`${"total".padEnd(34)} ${total.toFixed(1).padStart(8)} ms (load + validate ${load.toFixed(1)} ms)\n`);
  process.stdout.write(
    `peak RSS ${peak.toFixed(0)} MB; ${baseline.toFixed(0)} MB before reading, so ${(peak - baseline).toFixed(0)} MB for the data = ${((peak - baseline) / mb).toFixed(2)}x the file (target < 3x)\n\n`,
  );
  const ref = numpyReference(file, runs);
  if (typeof ref === "string") {
    process.stdout.write(`${ref}\n`);
    return;
  }
  process.stdout.write(
    `numpy: np.load ${ref.load.toFixed(1)} ms, load + the same computations ${ref.total.toFixed(1)} ms; peak RSS ${ref.peakMb.toFixed(0)} MB (${(ref.peakMb - ref.baselineMb).toFixed(0)} MB above python + numpy)\n`,
  );
  const ratio = totalNoHash / ref.total;
  process.stdout.write(
    `ours / numpy (same work, sha256 excluded): ${ratio.toFixed(2)}x (target <= 1.5x) ${ratio <= 1.5 ? "OK" : "OVER TARGET"}\n`,
  );
  // Whole processes, start-up included: the command a reader runs against numpy's script.
  const wall = (command: string, args: string[]) =>
    medianOf(
      Array.from({ length: runs }, () => {
        const start = performance.now();
        execFileSync(command, args, { stdio: "ignore" });
        return performance.now() - start;
      }),
    );
  const ours = wall(process.execPath, [join(ROOT, "chapters/w1d1/tutorial1/summary.command.ts"), file]);
  const npm = wall("npm", ["run", "--silent", "--prefix", ROOT, "data:summary", "--", file]);
  // The interpreter itself, not a launcher in front of it (pyenv's shims add a shell's start-up).
  const python = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
  const theirs = wall(python, [join(import.meta.dirname, "numpy_reference.py"), file]);
  const whole = ours / theirs;
  process.stdout.write(
    `whole process: data:summary ${ours.toFixed(0)} ms (through npm run ${npm.toFixed(0)} ms), numpy script ${theirs.toFixed(0)} ms: ${whole.toFixed(2)}x (target <= 1.2x) ${whole <= 1.2 ? "OK" : "OVER TARGET"}\n`,
  );
});
