import { join } from "node:path";

/** Where a chapter's computed store is written for the pages to read. */
export const storeFile = (storeDir: string, slug: string): string => join(storeDir, `${slug.replace(/\//g, "--")}.json`);

/** The development server's current problems (a JSON list of lines), shown on chapter pages until fixed. */
export const DEV_PROBLEMS_FILE = "dev-problems.json";
