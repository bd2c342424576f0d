import type { z } from "astro/zod";

/** One problem a schema found, as the project says it: where (a dotted path, or what is unknown) and what. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
  /** Keys the schema does not know (an object of strict shape). */
  readonly unknownKeys?: readonly string[];
}

/** The value at a path of parsed data (undefined where the path leads nowhere). */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let at = data;
  for (const key of path) {
    if (typeof at !== "object" || at === null || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/**
 * A schema's issues in the project's words: a field that is absent from `input` (the data the
 * schema was given) is "missing", keys a strict object does not know are listed, a record's key
 * is judged by its key schema's own message, any other message is the schema's (the custom
 * messages each schema gives its checks). Paths are dotted (`credits.creators.0`).
 */
export function schemaIssues(error: z.ZodError, input: unknown): SchemaIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") return { path, message: `unknown key(s) ${issue.keys.join(", ")}`, unknownKeys: issue.keys };
    if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) return { path, message: "missing" };
    if (issue.code === "invalid_key") return { path, message: issue.issues[0]?.message ?? issue.message };
    return { path, message: issue.message };
  });
}

/**
 * The dotted paths of every key named `__proto__` in parsed data. YAML and JSON readers keep
 * such a key as an own property, but copying the data (as a schema does) drops it without a
 * word: it is refused before, by name.
 */
export function prototypeKeys(data: unknown, path: readonly string[] = []): string[] {
  if (typeof data !== "object" || data === null) return [];
  return Object.keys(data).flatMap((key) => [
    ...(key === "__proto__" ? [[...path, key].join(".")] : []),
    ...prototypeKeys((data as Record<string, unknown>)[key], [...path, key]),
  ]);
}
