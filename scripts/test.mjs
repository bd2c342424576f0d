#!/usr/bin/env node
// `npm test`: the static checks (type checks, lint, declared dependencies, i18n:check) and then
// the unit tier with its coverage floor, one after another, beside the sites tier: the sites
// tier spends much of its time waiting on browsers and builds, and the checks fill that time.
// The sites tier's output streams; the checks' output is printed as one block when they end.
// Fails when either fails. Arguments go to vitest, which then runs what they name (both tiers,
// no coverage) beside the static checks.
import { spawn } from "node:child_process";
import { join } from "node:path";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

// The tests start Node some hundred times (the commands, every build, the dev server, the checks):
// each compiles the same modules (Astro, Vite, TypeScript) again unless they are kept compiled.
// Node keeps them here, by content (a changed file is compiled anew); a fresh clone fills it.
process.env.NODE_COMPILE_CACHE ??= join(import.meta.dirname, "../.cache/node-compile");

/** Runs a command; resolves with its exit code and, when `quiet`, what it printed. */
function run(command, args, quiet) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    if (quiet) {
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
    }
    child.on("close", (code, signal) => done({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const args = process.argv.slice(2);

async function checks() {
  let printed = "";
  const steps = [
    ...["check", "lint", "deps", "i18n:check"].map((script) => ({ name: `npm run ${script}`, command: ["run", "--silent", script] })),
    // The unit tier, measured: `coverage.thresholds` in vitest.config.ts is the floor.
    ...(args.length
      ? []
      : [{ name: "unit tier with coverage", command: ["exec", "--", "vitest", "run", "--project", "unit", "--coverage"] }]),
  ];
  for (const step of steps) {
    const { code, output } = await run(npm, step.command, true);
    printed += `\n── ${step.name} ──\n${output}`;
    if (code !== 0) return { code, printed: `${printed}\n${step.name} failed (exit ${code})\n` };
  }
  return { code: 0, printed: `${printed}\nchecks passed: ${steps.map((s) => s.name).join(", ")}\n` };
}

const [statics, suite] = await Promise.all([
  checks().then((r) => {
    process.stdout.write(r.printed);
    return r;
  }),
  run(npm, ["exec", "--", "vitest", "run", ...(args.length ? args : ["--project", "sites"])], false),
]);
if (statics.code !== 0) process.stderr.write("npm test: the checks or the unit tier failed (see their block above)\n");
if (suite.code !== 0) process.stderr.write("npm test: the test suite failed\n");
process.exit(statics.code || suite.code);
