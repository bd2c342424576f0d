import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CONTENT_LIMITS } from "../../lib/content/limits.ts";
import { parseStringTable, type StringTable } from "../model/stringTable.ts";
import { readContributedText } from "../../checks/chapterFile.ts";
import type { Problem } from "../../lib/problem.ts";

import { isLocaleFile } from "../locales.ts";

export { isLocaleFile };

/**
 * Every locale's strings in a folder (`<folder>/<locale>.json`, relative to the root), each read
 * as a contributed file and checked (JSON, keys, text values). A file that is refused is not in
 * the tables; its problems are, each naming the file and the key.
 */
export function readStringFolder(root: string, folder: string): { tables: Map<string, StringTable>; problems: Problem[] } {
  const tables = new Map<string, StringTable>();
  const problems: Problem[] = [];
  if (!existsSync(join(root, folder))) return { tables, problems };
  for (const name of readdirSync(join(root, folder)).filter(isLocaleFile).sort()) {
    const file = `${folder}/${name}`;
    const read = readContributedText(root, file, CONTENT_LIMITS.stringsBytes);
    if ("problem" in read) {
      problems.push(read.problem);
      continue;
    }
    const parsed = parseStringTable(read.text, file);
    if ("problems" in parsed) problems.push(...parsed.problems);
    else tables.set(name.slice(0, -".json".length), parsed.table);
  }
  return { tables, problems };
}
