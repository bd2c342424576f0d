import { importNotebookCommand } from "../../src/notebook/importCommand.ts";
import { runCommand, type Command } from "../../src/lib/cli/runCli.ts";
import { addCommand } from "../../src/translation/commands/add.ts";
import { checkCommand } from "../../src/translation/commands/check.ts";
import { exportCommand } from "../../src/translation/commands/export.ts";
import { importCommand } from "../../src/translation/commands/import.ts";
import { markCommand } from "../../src/translation/commands/mark.ts";
import { memoryCommand } from "../../src/translation/commands/memory.ts";
import { statusCommand } from "../../src/translation/commands/status.ts";
import { syncCommand } from "../../src/translation/commands/sync.ts";
import { ROOT, type RunResult } from "./run.ts";

/** The commands a test may run in process, by their program's name (scripts/<name>.ts). */
const COMMANDS = {
  "i18n-add": addCommand,
  "i18n-check": checkCommand,
  "i18n-export": exportCommand,
  "i18n-import": importCommand,
  "i18n-mark": markCommand,
  "i18n-memory": memoryCommand,
  "i18n-status": statusCommand,
  "i18n-sync": syncCommand,
  "import-notebook": importNotebookCommand,
} satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;

/**
 * Runs a command in this process, as its program would run (the same work, exit status and
 * what it writes on each stream), without a process's start-up: the files that run many
 * commands use this; tests/scripts/commandLines.test.ts checks that each program runs its
 * command. Relative paths in `args` are taken from `cwd`.
 */
export async function runHere(name: CommandName, args: readonly string[] = [], cwd = ROOT): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCommand(COMMANDS[name], {
    args,
    cwd,
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

/** Every command's name. */
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
