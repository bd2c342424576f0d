import { defineConfig } from "vitest/config";
import LongestFirst from "./tests/setup/sequencer.ts";

/**
 * Two tiers, by where a file is and how it is named. `unit`: every other test file: the library,
 * the cells, content checks, translation, notebooks and data, on fixtures with no build and no
 * browser, files in parallel (`npm run test:unit`, well under 15 s); most run in process,
 * tests/scripts run the command programs as child processes. `sites`: what reads a built site
 * or drives a browser (tests/site, tests/browser, `*.site.test.ts` beside the code's own tests)
 * and what runs long (`*.long.test.ts`: fuzzing, the translators' commands on copies of the
 * project); each site is built once and shared (tests/helpers/sites.ts), every browser file
 * connects to one Chromium (tests/setup/browser.ts), two files at a time. `npx vitest run
 * <file>` runs one file of either, building (or reusing) the sites it needs.
 */
const SITES = ["tests/site/**/*.test.ts", "tests/browser/**/*.test.ts", "tests/**/*.site.test.ts", "tests/**/*.long.test.ts"];

/** The floor, a few points under what the unit tier measures (2026-12-07, istanbul: statements 53.3, branches 44.3, functions 53.6, lines 55.4 %). */
const COVERAGE_FLOOR = { statements: 50, branches: 40, functions: 50, lines: 52 };

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    maxWorkers: 2,
    // No test file changes global state: files in a worker share its module cache (much less
    // start-up, and the sites helper's memo is shared too).
    isolate: false,
    // Longest files first (tests/setup/sequencer.ts), so that short ones end the run.
    sequence: { sequencer: LongestFirst },
    // How much of the generator the unit tier runs (`npm test` measures it; builds in child
    // processes and code in Chromium are the sites tier's, not counted): below the floor, it fails.
    // Istanbul counts only the files it instruments (src/); V8's precise coverage slows every
    // function in the worker, the libraries' too: the unit tier took 36-37 core-s with V8 against
    // 29-30 with istanbul (24 without coverage), for the same figures within 0.2 points.
    coverage: {
      provider: "istanbul",
      include: ["src/**/*.{ts,mjs,js}"],
      reporter: ["text-summary"],
      reportsDirectory: ".cache/coverage",
      thresholds: COVERAGE_FLOOR,
    },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: SITES } },
      {
        extends: true,
        test: {
          name: "sites",
          include: SITES,
          globalSetup: ["tests/setup/browser.ts"],
          // A browser on a loaded two-core machine: a poll may need a few looks of a second each.
          expect: { poll: { timeout: 5000 } },
        },
      },
    ],
  },
});
