import { formatProblem, type Problem } from "../lib/problem.ts";

/** A course that cannot be built as it is: every problem, as values; its message says each on a line of its own. */
export class CourseError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(`the course has ${problems.length} problem(s):\n  ${problems.map(formatProblem).join("\n  ")}`);
    this.problems = problems;
    this.name = "CourseError";
  }
}
