import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMMAND_NAMES, runHere } from "../helpers/commands.ts";
import { runScript } from "../helpers/run.ts";

// Most tests run the translators' and the notebook commands in process (tests/helpers/commands.ts);
// here each runs as its program does (npm run → node scripts/<name>.ts): the same
// command, its exit status and its streams.
const work = mkdtempSync(join(tmpdir(), "command-lines-"));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("each program runs its command", () => {
  it("--help: the same text as the command in process, on stdout, exit 0", async () => {
    const programs = await Promise.all(COMMAND_NAMES.map((name) => runScript(name, ["--help"])));
    for (const [i, name] of COMMAND_NAMES.entries()) {
      const program = programs[i]!;
      expect(program.code, `${name}: ${program.stderr}`).toBe(0);
      expect(program.stdout, name).toMatch(/^usage: npm run (-s )?(i18n|import):/);
      expect(program.stdout, name).toBe((await runHere(name, ["--help"])).stdout);
    }
  });

  it("a usage error: one line and the usage on stderr, exit 2; a refused file: one line, exit 1, no stack", async () => {
    const notXliff = join(work, "not-ours.xlf");
    writeFileSync(notXliff, "<html><body>not a translation file</body></html>");
    const [usage, refused] = await Promise.all([
      runScript("i18n-status", ["--locale", "xx"]),
      runScript("i18n-import", [notXliff, "--locale", "ja"]),
    ]);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe("");
    expect(usage.stderr.split("\n")[0]).toMatch(/^error: no locale "xx" \(locales: .*\bja\b.*\)$/);
    expect(usage.stderr.split("\n")[1]).toMatch(/^usage: npm run i18n:status/);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: .*not-ours\.xlf: .+\n$/);
    expect(refused.stderr).not.toMatch(/^\s+at /m);
    // The same outcome in process.
    expect(await runHere("i18n-status", ["--locale", "xx"])).toEqual(usage);
  });
});
