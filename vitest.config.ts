import { defineConfig } from "vitest/config";
import LongestFirst from "./tests/setup/sequencer.ts";

/**
 * Two tiers. `unit`: the library, the client graph, content checks, i18n, notebooks and data, on
 * fixtures with no build and no browser, files in parallel (`npm run test:unit`); most run in
 * process, tests/scripts run the command programs as child processes, and the fuzz test reads
 * in a capped child process.
 * `sites`: everything that reads a built site or drives a browser; each site is built once
 * and shared (tests/helpers/sites.ts), every browser file connects to one Chromium
 * (tests/setup/browser.ts), two files at a time. `npx vitest run <file>` runs one file of either,
 * building (or reusing) the sites it needs.
 */
const UNIT = [
  "tests/lib/**/*.test.ts",
  "tests/lint/**/*.test.ts",
  "tests/client/**/*.test.ts",
  "tests/cells/**/*.test.ts",
  "tests/course/**/*.test.ts",
  "tests/content/ownEnglish.test.ts",
  "tests/content/translatingDoc.test.ts",
  "tests/i18n/strings.test.ts",
  "tests/i18n/typography.test.ts",
  "tests/security/contributions.test.ts",
  "tests/security/oneParser.test.ts",
  "tests/security/dataLimits.test.ts",
  "tests/security/fuzz.test.ts",
  "tests/scripts/**/*.test.ts",
  "tests/integration/**/*.test.ts",
];

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
    projects: [
      { extends: true, test: { name: "unit", include: UNIT } },
      {
        extends: true,
        test: {
          name: "sites",
          include: ["tests/**/*.test.ts"],
          exclude: UNIT,
          globalSetup: ["tests/setup/browser.ts"],
          // A browser on a loaded two-core machine: a poll may need a few looks of a second each.
          expect: { poll: { timeout: 5000 } },
        },
      },
    ],
  },
});
