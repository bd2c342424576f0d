import type { AnyView } from "../../api/types.ts";
import { fetchCellData, mountCell } from "./mount.ts";

/**
 * Fetches the files a figure's first move needs, without running the figure (a failure of its
 * code waits for loadCell to report it).
 */
export async function fetchCellAhead(figure: HTMLElement, view: Promise<AnyView>): Promise<void> {
  const loaded = await view.catch(() => undefined);
  if (loaded && !figure.dataset.loading) fetchCellData(figure, loaded);
}

/** Mounts a figure once its cell code has arrived; a failure is shown in the cell. */
export async function loadCell(figure: HTMLElement, view: Promise<AnyView>): Promise<void> {
  try {
    mountCell(figure, await view);
  } catch (error) {
    const status = figure.querySelector(".cell-status");
    if (status) status.textContent = error instanceof Error ? error.message : String(error);
    throw error;
  }
}
