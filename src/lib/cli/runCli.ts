/** A mistake in how a command was called: printed with the usage, exit status 2. */
export class UsageError extends Error {}

/**
 * What a command is given and where it writes: the process's own arguments and streams when
 * it runs as a program, or a caller's (a test runs a command in process and reads its output).
 */
export interface Terminal {
  /** The arguments after the command's name. */
  readonly args: readonly string[];
  /** The folder relative paths in the arguments are taken from. */
  readonly cwd: string;
  /** Writes to standard output (what a tool reads: a file, a report). */
  out(text: string): void;
  /** Writes to standard error (notes, warnings, errors). */
  err(text: string): void;
}

/**
 * A command's work: writes to the terminal; its exit status is the number it returns or
 * resolves to (0 when it gives no number: a command with nothing to say about it).
 */
export type CommandMain = (terminal: Terminal) => unknown;

/** A command: its usage line (printed with a usage error) and its work. */
export interface Command {
  readonly usage: string;
  readonly main: CommandMain;
}

/**
 * Runs a command to its exit status: an expected failure prints one clear line on the
 * terminal's error stream and gives 1 (2 for a usage error, with the usage), never a stack
 * trace (unless `debug`); the output stream gets only what the command writes.
 */
export async function runCommand(command: Command, terminal: Terminal, debug = false): Promise<number> {
  try {
    const status = await command.main(terminal);
    return typeof status === "number" ? status : 0;
  } catch (err: unknown) {
    if (err instanceof UsageError) {
      terminal.err(`error: ${err.message}\n${command.usage}\n`);
      return 2;
    }
    terminal.err(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (debug && err instanceof Error && err.stack) terminal.err(`${err.stack}\n`);
    return 1;
  }
}

/** This process's arguments and streams. */
function processTerminal(): Terminal {
  return {
    args: process.argv.slice(2),
    cwd: process.cwd(),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
}

/**
 * Runs a command as this process's program: its arguments, its streams, its exit status
 * (`DEBUG` set prints a failure's stack too). Either a command made elsewhere (one a test can
 * also run in process) or its usage and work given here.
 */
export function runCli(command: Command): void;
export function runCli(usage: string, main: CommandMain): void;
export function runCli(commandOrUsage: Command | string, main?: CommandMain): void {
  const command = typeof commandOrUsage === "string" ? { usage: commandOrUsage, main: main! } : commandOrUsage;
  // A status the work set itself (an older command sets process.exitCode) is kept when it returns 0.
  void runCommand(command, processTerminal(), !!process.env.DEBUG).then((code) => {
    if (code !== 0) process.exitCode = code;
  });
}
