import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { onTestFinished } from "vitest";

/** Absolute path of a file under tests/fixtures/. */
export function fixture(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url));
}

/** Every chapter file of the project's course and of the test fixtures' courses (whatever chapters and locales they hold), with its text. */
export function courseAndFixtureChapters(): { file: string; text: string }[] {
  return ["content", "tests/fixtures"]
    .flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".mdx"))
        .map((f) => join(dir, f)),
    )
    .map((file) => ({ file, text: readFileSync(file, "utf8") }));
}

/** A new folder in the system's temporary folder, removed when the test that asked for it ends. */
export function scratchFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** numpy's answers for the spike fixtures (tests/fixtures/spikes/expected.json). */
export interface ExpectedSummary {
  params: { interval: [number, number]; neuron: number; bins: number };
  [key: string]: unknown;
}

export const expected = JSON.parse(readFileSync(fixture("spikes/expected.json"), "utf8")) as Record<string, ExpectedSummary> & {
  _refused: Record<string, string>;
};

export const goodFixtures = Object.keys(expected).filter((k) => k !== "_refused");
export const badFixtures = Object.keys(expected._refused);

/** Compares a computed value with numpy's: integers and edges exactly, other floats within 1e-6 relative. */
export function closeTo(actual: number, wanted: number, rel = 1e-6): boolean {
  return actual === wanted || Math.abs(actual - wanted) <= rel * Math.max(Math.abs(wanted), 1e-300);
}
