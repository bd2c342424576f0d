import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture } from "../helpers/fixtures.ts";
import { ROOT } from "../helpers/run.ts";

const SEED = 20_261_125;
// The whole suite reads 3,000 mutants; the quick tier (npm run test:unit) a few hundred.
const CASES = Number(process.env.FUZZ_CASES ?? "") || 3000;
const WATCHDOG_MS = 10_000;

/** The good fixtures numpy wrote, the mutants' parents. */
const parents = [
  ...readdirSync(fixture("spikes"))
    .filter((f) => /^(small|tiny).*\.(npz|npy)$/.test(f))
    .map((f) => fixture(`spikes/${f}`)),
  ...readdirSync(fixture("numpy-extra"))
    .filter((f) => /^small.*\.(npz|npy)$/.test(f))
    .map((f) => fixture(`numpy-extra/${f}`)),
];

interface Summary {
  cases: number;
  accepted: number;
  refused: number;
  maxMs: number;
  failures: string[];
  failed: number;
}

/** Runs the fuzzer in a process of its own with a memory cap, killed if it stops making progress. */
function fuzz(): Promise<{ summary: Summary | null; why: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--max-old-space-size=512", join(ROOT, "tests/security/fuzzWorker.ts"), String(SEED), String(CASES), ...parents],
      {
        cwd: ROOT,
      },
    );
    let out = "";
    let err = "";
    let last = "no case yet";
    let timer = setTimeout(() => child.kill("SIGKILL"), WATCHDOG_MS);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      last = out.trim().split("\n").pop() ?? last;
      clearTimeout(timer);
      timer = setTimeout(() => child.kill("SIGKILL"), WATCHDOG_MS);
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const lines = out.trim().split("\n");
      const summary = lines.length ? (JSON.parse(lines[lines.length - 1]!) as Summary & { progress?: number }) : null;
      const why = signal
        ? `killed (${signal}) after ${last}: it hung or ran out of memory\n${err.slice(-2000)}`
        : `exit ${code}\n${err.slice(-2000)}`;
      resolve({ summary: summary && "cases" in summary ? summary : null, why });
    });
  });
}

describe("fuzzing the reader (seeded, in a capped process with a watchdog)", () => {
  it(`${CASES} mutants of the fixtures: each refused with one clear line, or accepted with the data a re-read gives; never a hang or another error`, async () => {
    expect(parents.length).toBeGreaterThanOrEqual(8);
    const { summary, why } = await fuzz();
    expect(summary, why).not.toBeNull();
    expect(summary!.failures).toEqual([]);
    expect(summary!.cases).toBe(CASES);
    expect(summary!.refused).toBeGreaterThan(CASES / 2);
  }, 60_000);
});
