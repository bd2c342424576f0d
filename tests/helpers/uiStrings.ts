import { checkSiteStrings } from "../../src/checks/checkCourse.ts";
import { uiStringsSchema, type UiStrings } from "../../src/translation/strings/schema.ts";
import { ROOT } from "./run.ts";
import { formatProblem } from "../../src/lib/problem.ts";

/** A course's UI strings by locale, read and checked as the build reads them (this project's by default). */
export function uiStringsOf(root = ROOT): (locale: string) => UiStrings {
  const { problems, tables } = checkSiteStrings(root, "en", uiStringsSchema);
  if (problems.length) throw new Error(problems.map(formatProblem).join("\n"));
  return (locale) => {
    const table = tables.get(locale);
    if (!table) throw new Error(`no UI strings for ${locale}`);
    return table;
  };
}
