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

/** The longest the figure's code waits for the build's drawing of an early move, in ms. */
const ANSWER_WAIT = 150;

/**
 * Resolves when the build's drawing of a move made before the code ran (activate.ts marks it
 * `data-answering` while it is on its way) has been shown or given up, or after ANSWER_WAIT ms:
 * showing it takes a few milliseconds, the code's first drawing tens, and on the page's one
 * thread the drawing would otherwise wait behind the code.
 */
function answerSettled(figure: HTMLElement): Promise<void> {
  if (figure.dataset.answering === undefined) return Promise.resolve();
  return new Promise((done) => {
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
      done();
    };
    const observer = new MutationObserver(() => {
      if (figure.dataset.answering === undefined) finish();
    });
    const timer = setTimeout(finish, ANSWER_WAIT);
    observer.observe(figure, { attributes: true, attributeFilter: ["data-answering"] });
  });
}

/** Mounts a figure once its cell code has arrived (after the build's drawing of an early move); a failure is shown in the cell. */
export async function loadCell(figure: HTMLElement, view: Promise<AnyView>): Promise<void> {
  try {
    const loaded = await view;
    await answerSettled(figure);
    mountCell(figure, loaded);
  } catch (error) {
    const status = figure.querySelector(".cell-status");
    if (status) status.textContent = error instanceof Error ? error.message : String(error);
    throw error;
  }
}
