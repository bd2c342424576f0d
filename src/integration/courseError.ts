/** A course that cannot be built as it is: every problem, one line each, naming file and line. */
export class CourseError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`the course has ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
    this.problems = problems;
    this.name = "CourseError";
  }
}
