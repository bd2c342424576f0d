#!/usr/bin/env node
// `npm test`: the static checks (astro check, lint, declared dependencies, i18n:check, one after another) and the whole
// vitest suite, side by side: the suite spends much of its time waiting on browsers and builds,
// and the checks fill that time. The suite's output streams; the checks' output is printed as
// one block when they end. Fails when either fails. Arguments go to vitest.
import { spawn } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

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

async function checks() {
  let printed = "";
  for (const script of ["check", "lint", "deps", "i18n:check"]) {
    const { code, output } = await run(npm, ["run", "--silent", script], true);
    printed += `\n── npm run ${script} ──\n${output}`;
    if (code !== 0) return { code, printed: `${printed}\nnpm run ${script} failed (exit ${code})\n` };
  }
  return { code: 0, printed: `${printed}\nstatic checks passed: check, lint, deps, i18n:check\n` };
}

const [statics, suite] = await Promise.all([
  checks().then((r) => {
    process.stdout.write(r.printed);
    return r;
  }),
  run(npm, ["exec", "--", "vitest", "run", ...process.argv.slice(2)], false),
]);
if (statics.code !== 0) process.stderr.write("npm test: the static checks failed (see their block above)\n");
if (suite.code !== 0) process.stderr.write("npm test: the test suite failed\n");
process.exit(statics.code || suite.code);
