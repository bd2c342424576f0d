import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { courseTypeProblems } from "../../src/checks/typeCheck.ts";

// A course of two files with no tsconfig (strict defaults): one with a type error at a known
// place, one that does not parse (its syntax check reports it; the type check leaves it alone).
const root = mkdtempSync(join(tmpdir(), "type-check-"));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});
const write = (file: string, text: string) => {
  mkdirSync(join(root, file, ".."), { recursive: true });
  writeFileSync(join(root, file), text);
};

describe("courseTypeProblems", () => {
  it("names the file, line and column of a type error in a chapter's code, and nothing of a file that does not parse", () => {
    write("chapters/two/first.cell.ts", 'export const ok = 1;\nexport const count: number = "ten";\n');
    write("chapters/two/broken.cell.ts", "export default 1 +;\n");
    const problems = courseTypeProblems(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toEqual({
      file: "chapters/two/first.cell.ts",
      line: 2,
      column: 14,
      message: "type error: Type 'string' is not assignable to type 'number'. (TS2322)",
    });
  });

  it("checks again after an edit, and finds none once the error is fixed", () => {
    write("chapters/two/first.cell.ts", 'export const ok = 1;\nexport const count: string = "ten";\n');
    write("chapters/two/broken.cell.ts", "export default 1;\n");
    expect(courseTypeProblems(root)).toEqual([]);
  });
});
