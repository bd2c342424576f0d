/**
 * Something wrong in a course's files, as a value: where it is, what it is, and what to do.
 * Checks return these; each edge renders them its own way: the build as an error naming the
 * first place, commands as lines (`formatProblem`) with an exit status, the development server
 * on the page.
 */
export interface Problem {
  /** The file (relative to the project) or folder it is in; absent for what concerns no one file. */
  readonly file?: string;
  /** 1-based line and column in that file, when known. */
  readonly line?: number;
  readonly column?: number;
  /** What is wrong, in a sentence that makes sense without the place. */
  readonly message: string;
  /** What to do, when the message does not say it. */
  readonly hint?: string;
}

/** A problem in `file` (at a line and column, with a hint, when given). */
export function problemAt(
  file: string | undefined,
  message: string,
  at: { readonly line?: number | undefined; readonly column?: number | undefined; readonly hint?: string | undefined } = {},
): Problem {
  return {
    ...(file === undefined ? {} : { file }),
    ...(at.line === undefined ? {} : { line: at.line }),
    ...(at.line === undefined || at.column === undefined ? {} : { column: at.column }),
    message,
    ...(at.hint === undefined ? {} : { hint: at.hint }),
  };
}

/** Where a problem is, as compilers and editors write it: `file:line:column` (as much as is known); empty when nowhere. */
export function problemPlace(p: Problem): string {
  if (p.file === undefined) return "";
  return p.line === undefined ? p.file : p.column === undefined ? `${p.file}:${p.line}` : `${p.file}:${p.line}:${p.column}`;
}

/** A problem as one line: `file:line:column: message (hint)`. */
export function formatProblem(p: Problem): string {
  const place = problemPlace(p);
  return `${place ? `${place}: ` : ""}${p.message}${p.hint ? ` (${p.hint})` : ""}`;
}

/** The same problem with a hint added (a warning the build's strictness makes an error). */
export const withHint = (p: Problem, hint: string): Problem => ({ ...p, hint: p.hint ? `${p.hint}; ${hint}` : hint });

/** An error that is one problem (thrown where a parser must stop): its message is the problem's line. */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(formatProblem(problem));
    this.problem = problem;
    this.name = "ProblemError";
  }
}

/**
 * The problems an error stands for: a ProblemError's, the `problems` an error of many carries
 * (CourseError), a compiler's located error (`loc`, as Vite and esbuild give it) at its place;
 * anything else is one problem in `file` saying the error's first line.
 */
export function problemsOf(err: unknown, file?: string): Problem[] {
  if (err instanceof ProblemError) return [err.problem];
  const e = (typeof err === "object" && err !== null ? err : {}) as {
    problems?: unknown;
    message?: unknown;
    loc?: { file?: string; line?: number; column?: number };
  };
  if (Array.isArray(e.problems)) return e.problems as Problem[];
  const first = String(e.message ?? err).split("\n")[0]!;
  if (e.loc?.file) return [problemAt(e.loc.file, first, { line: e.loc.line ?? 1, column: e.loc.column ?? 1 })];
  return [problemAt(file, first)];
}
