import type { Problem } from "../lib/problem.ts";
import { join } from "node:path";

/** Where a chapter's computed store is written for the pages to read. */
export const storeFile = (storeDir: string, slug: string): string => join(storeDir, `${slug.replace(/\//g, "--")}.json`);

/** The development server's current problems (DevProblems as JSON), shown on chapter pages until fixed. */
export const DEV_PROBLEMS_FILE = "dev-problems.json";

/** What the development server found: problems that stop a chapter being computed, and type errors in the course's code (which do not). */
export interface DevProblems {
  readonly content: readonly Problem[];
  readonly types: readonly Problem[];
}

/** Where each interactive cell's browser code is in a build (CellChunks as JSON), for the pages to name on their figures. */
export const CELL_CHUNKS_FILE = "cell-chunks.json";

/**
 * Each cell module (`chapters/<chapter>/<cell>.cell.ts`), and the code every figure runs on
 * (FIGURE_LOADER): its chunk's address, and the addresses of the chunks it imports.
 */
export type CellChunks = Readonly<Record<string, { readonly src: string; readonly deps: readonly string[] }>>;

/** The module that brings every interactive figure to life (Plot's runtime graph, the figure's controls), as a project file. */
export const FIGURE_LOADER = "src/browser/cells/loadCell.ts";
