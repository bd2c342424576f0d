import { SpikeFileError } from "../spikes/errors.ts";

/** A mistake in how a command was called: printed with the usage, exit status 2. */
export class UsageError extends Error {}

/**
 * Runs a command's main function: an expected failure prints one clear line on stderr and
 * exits 1 (2 for usage), never a stack trace; stdout gets only what main writes.
 */
export function runCli(usage: string, main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((err: unknown) => {
      if (err instanceof UsageError) {
        process.stderr.write(`error: ${err.message}\n${usage}\n`);
        process.exitCode = 2;
      } else if (err instanceof SpikeFileError || err instanceof Error) {
        process.stderr.write(`error: ${err.message}\n`);
        if (process.env.DEBUG && err.stack) process.stderr.write(`${err.stack}\n`);
        process.exitCode = 1;
      } else {
        process.stderr.write(`error: ${String(err)}\n`);
        process.exitCode = 1;
      }
    });
}
