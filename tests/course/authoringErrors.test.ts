import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { InputSpec } from "../../src/api/types.ts";
import { checkCourseCode } from "../../src/checks/checkCode.ts";
import { checkInputSpecs } from "../../src/integration/checkInputs.ts";
import { keysNamedBy } from "../../src/translation/checks/checks.ts";
import { formatProblem } from "../../src/lib/problem.ts";
import { scratchFolder } from "../helpers/fixtures.ts";

const text = [
  "const view = {",
  "  inputs: () => [",
  '    { kind: "range", name: "window", label: "control.window", min: 50, max: 2, step: 1, value: 10 },',
  "  ],",
  "};",
].join("\n");
const source = { file: "chapters/x/win.cell.ts", text, id: "win" };
const strings = { "control.window": "Window" };
const range = (over: Partial<Extract<InputSpec, { kind: "range" }>>): InputSpec => ({
  kind: "range",
  name: "window",
  label: "control.window",
  min: 0,
  max: 10,
  step: 1,
  value: 5,
  ...over,
});
const check = (specs: InputSpec[]) => checkInputSpecs(specs, source, strings, "chapters/x/strings/en.json").map(formatProblem);

describe("a cell's controls", () => {
  it("a good slider has no problem", () => {
    expect(check([range({}), { kind: "toggle", name: "show", label: "control.window", value: true }])).toEqual([]);
  });

  it("min above max names the file, the line that declares the control, and what to do", () => {
    expect(check([range({ min: 50, max: 2, value: 10 })])).toEqual([
      'chapters/x/win.cell.ts:3: control "window" of cell "win": min (50) must be below max (2); swap them or fix one',
    ]);
  });

  it.each([
    [{ value: 11 }, "the default value 11 is outside 0..10"],
    [{ step: 0 }, "step (0) must be a positive number"],
    [{ step: 3 }, "step 3 does not divide 0..10"],
    [{ value: 2.5 }, "the default value 2.5 is not on a step of 1 from 0"],
    [{ label: "control.nothing" }, 'no string "control.nothing": add it to chapters/x/strings/en.json'],
  ])("%o: %s", (over, message) => {
    expect(check([range(over)]).join("\n")).toContain(message);
  });

  it("two controls with one name are refused", () => {
    expect(check([range({}), range({})]).join("\n")).toContain("another control of this cell has the same name");
  });

  it("a step of 0.005 over -0.5..0.5 is exact enough (floating point)", () => {
    expect(check([range({ min: -0.5, max: 0.5, step: 0.005, value: 0.1 })])).toEqual([]);
  });
});

describe("the course's code", () => {
  it("a syntax error is one line with file, line, column and the message", () => {
    const root = scratchFolder("course-code-");
    mkdirSync(join(root, "chapters", "a"), { recursive: true });
    writeFileSync(join(root, "chapters", "a", "chapter.ts"), "export const ok = 1;\n");
    writeFileSync(join(root, "chapters", "a", "b.cell.ts"), "const x = 1;\nexport default x +;\n");
    expect(checkCourseCode(root)).toEqual([{ file: "chapters/a/b.cell.ts", line: 2, column: 19, message: 'Unexpected ";"' }]);
    // Checked again (as the dev server does after every save): the same line while the file is
    // the same, none once it is fixed, and a new one when another file breaks.
    expect(checkCourseCode(root).map(formatProblem)).toEqual(['chapters/a/b.cell.ts:2:19: Unexpected ";"']);
    writeFileSync(join(root, "chapters", "a", "b.cell.ts"), "const x = 1;\nexport default x;\n");
    expect(checkCourseCode(root)).toEqual([]);
    writeFileSync(join(root, "chapters", "a", "chapter.ts"), "export const ok = ;\n");
    expect(checkCourseCode(root).map(formatProblem)).toEqual([expect.stringMatching(/^chapters\/a\/chapter\.ts:1:\d+: /)]);
  });

  it("a symbolic link among the course's code is refused without being read", () => {
    const root = scratchFolder("course-code-");
    mkdirSync(join(root, "chapters", "a"), { recursive: true });
    writeFileSync(join(root, "secret.txt"), "root:x:0:0 not code");
    symlinkSync(join(root, "secret.txt"), join(root, "chapters", "a", "chapter.ts"));
    const problems = checkCourseCode(root);
    expect(problems).toEqual([{ file: "chapters/a/chapter.ts", message: "is a symbolic link; the course's code must be plain files" }]);
  });
});

describe("keys a chapter's code names", () => {
  it("finds t() keys and control labels with their lines, not other dotted strings", () => {
    const code = [
      'const a = t("axis.time");',
      'const spec = { label: "control.window", unit: "unit.seconds" };',
      'const file = "spike_times.npz";',
    ].join("\n");
    expect(keysNamedBy(code)).toEqual([
      { key: "axis.time", line: 1 },
      { key: "control.window", line: 2 },
      { key: "unit.seconds", line: 2 },
    ]);
  });
});
