import type { AnyView } from "../../api/types.ts";
import { fetchCellData, mountCell } from "./mount.ts";

// Each interactive cell's browser code, chapters/<chapter>/<cell-id>.cell.ts: found by file
// name, each its own chunk (sharing Plot's), fetched only when its figure is about to be used.
const VIEWS = import.meta.glob<{ default: AnyView }>("../../../chapters/**/*.cell.ts");

const keyOf = (figure: HTMLElement) => `../../../chapters/${figure.dataset.chapter}/${figure.dataset.cell}.cell.ts`;

/**
 * Fetches a figure's cell code ahead of use, and the files its first move needs, without running
 * the figure (a failure waits for loadCell to report it).
 */
export async function fetchCellAhead(figure: HTMLElement): Promise<void> {
  const view = await VIEWS[keyOf(figure)]?.().catch(() => undefined);
  if (view && !figure.dataset.loading) fetchCellData(figure, view.default);
}

/** Loads a figure's cell code (by its chapter and cell id) and mounts it; a failure is shown in the cell. */
export async function loadCell(figure: HTMLElement): Promise<void> {
  const key = keyOf(figure);
  try {
    const load = VIEWS[key];
    if (!load) throw new Error(`no browser code for cell "${figure.dataset.cell}" (${key.slice(3)})`);
    mountCell(figure, (await load()).default);
  } catch (error) {
    const status = figure.querySelector(".cell-status");
    if (status) status.textContent = error instanceof Error ? error.message : String(error);
    throw error;
  }
}
