import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { launchDebianChromium } from "./lib/chromium.ts";
import { BUDGET, weighSite } from "./lib/pageWeights.ts";
import { runCli, UsageError } from "../src/lib/cli/runCli.ts";

const USAGE = "usage: npm run size [-- --dist <folder>]   (measures a built site, dist/ by default, in headless Chromium)";

runCli(USAGE, async () => {
  let values;
  try {
    ({ values } = parseArgs({ options: { dist: { type: "string" } } }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const dist = resolve(values.dist ?? resolve(import.meta.dirname, "../dist"));
  const browser = await launchDebianChromium();
  let result;
  try {
    result = await weighSite(dist, browser);
  } finally {
    await browser.close();
  }
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(6);
  const lines = [
    `${"page".padEnd(30)} ${"HTML".padStart(6)} ${"JS".padStart(6)} ${"JS~".padStart(6)} ${"JS*".padStart(6)} ${"CSS".padStart(6)} ${"fonts".padStart(6)}   (KB; gzip -9, fonts as served; JS = before the load event, JS~ = with what is fetched ahead at idle, JS* = every figure active)`,
    ...result.weights.map(
      (w) => `${w.path.padEnd(30)} ${kb(w.html)} ${kb(w.jsBefore)} ${kb(w.jsIdle)} ${kb(w.jsActive)} ${kb(w.css)} ${kb(w.fonts)}`,
    ),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  process.stdout.write(
    `budgets: HTML ${BUDGET.html / 1024} KB, JS ${BUDGET.jsBefore / 1024} KB before interaction, ${BUDGET.jsActive / 1024} KB with every figure active\n`,
  );
  if (result.over.length) throw new Error(`over budget:\n  ${result.over.join("\n  ")}`);
  process.stdout.write("every page is within its budgets\n");
});
