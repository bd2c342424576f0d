import { printable } from "../../lib/text/printable.ts";
import { problemAt, type Problem } from "../../lib/problem.ts";

/** UI strings by key, one file's worth (a locale of the site, of a chapter or of a dataset). */
export type StringTable = Readonly<Record<string, string>>;

/** A key of a strings file: words joined by dots (`axis.time`, `status.loading`). */
const KEY = /^[A-Za-z][\w-]{0,80}(?:\.[\w-]{1,80}){0,8}$/;
/** The longest UI string (a paragraph of help at most). */
const MAX_VALUE = 4000;

/**
 * A strings file's text as a table, or every reason it is not one, each naming the file and the
 * key: not JSON, not an object, a key that is not words joined by dots (`__proto__`,
 * `a b`), a value that is not text (a number, a list, an object) or is too long. The table has
 * no prototype, so a key like `constructor` is only ever the file's own.
 */
export function parseStringTable(text: string, file: string): { table: StringTable } | { problems: Problem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    // Where, as line and column (the parser gives an offset), and what, without the offset.
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message);
    const before = at ? text.slice(0, Number(at[1])) : null;
    const place = before === null ? {} : { line: before.split("\n").length, column: before.length - before.lastIndexOf("\n") };
    const what = message.replace(/\s*in JSON at position \d+(?: \(line \d+ column \d+\))?/, "").replace(/\s*\(line \d+ column \d+\)/, "");
    return {
      problems: [problemAt(file, `not valid JSON (${printable(what, 120)}); a string is "key": "text", pairs separated by commas`, place)],
    };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return { problems: [problemAt(file, 'must be one JSON object of "key": "text" pairs')] };
  const problems: Problem[] = [];
  const table = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(json)) {
    const shown = printable(key, 60);
    if (!KEY.test(key)) problems.push(problemAt(file, `"${shown}" is not a key (words joined by dots, such as axis.time)`));
    else if (typeof value !== "string")
      problems.push(
        problemAt(file, `"${shown}" must be text, not ${Array.isArray(value) ? "a list" : value === null ? "null" : `a ${typeof value}`}`),
      );
    else if (value.length > MAX_VALUE) problems.push(problemAt(file, `"${shown}" is longer than ${MAX_VALUE} characters`));
    else table[key] = value;
  }
  return problems.length ? { problems } : { table };
}

/** The value of a key that the table itself has (never one inherited from Object.prototype). */
export function ownString(table: StringTable | undefined, key: string): string | undefined {
  return table && Object.hasOwn(table, key) ? table[key] : undefined;
}
