import { CELL_MODULES } from "./cellModules.ts";
import { mountCell } from "./mount.ts";

/** Loads a figure's cell module and mounts it; a failure is shown in the cell, not thrown away. */
export async function loadCell(figure: HTMLElement): Promise<void> {
  const id = figure.dataset.cell!;
  try {
    const load = CELL_MODULES[id];
    if (!load) throw new Error(`no browser code for cell "${id}"`);
    mountCell(figure, await load());
  } catch (error) {
    const status = figure.querySelector(".cell-status");
    if (status) status.textContent = error instanceof Error ? error.message : String(error);
    throw error;
  }
}
