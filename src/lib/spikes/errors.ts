import { printable } from "../text/printable.ts";

/**
 * Refusal of a spike-time file: names the file and states the problem in one sentence.
 * `problem` holds the bare fact so callers and tests can match it without the file name.
 */
export class SpikeFileError extends Error {
  readonly file: string;
  readonly problem: string;

  constructor(file: string, problem: string) {
    // One printable line, whatever the file's name or content: control characters escaped, cut to length.
    super(`${printable(file, 120)}: ${printable(problem, 180)}`);
    this.name = "SpikeFileError";
    this.file = file;
    this.problem = problem;
  }
}
