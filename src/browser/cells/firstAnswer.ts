import type { FirstMoveAnswer } from "../../api/cellConfig.ts";
import type { DataTable } from "../../api/types.ts";
import { renderTable } from "./dataTable.ts";
import { pendingMove, showsNarrow } from "./pendingMove.ts";

// Loaded by the page's script (activate.ts) only when a reader moves a slider before its
// figure's code has run: a page whose figures start first never fetches it.

/**
 * Shows what the build drew for a move (its drawing, text alternative, data table, state line,
 * readouts and the slider's spoken value) in the figure, as the figure's code would after it; the
 * code redraws it at the figure's own width when it runs.
 */
function showAnswer(figure: HTMLElement, slider: HTMLInputElement, answer: FirstMoveAnswer): void {
  const stage = figure.querySelector<HTMLElement>(".cell-figure");
  const variant = stage?.querySelector(showsNarrow(stage) ? ".figure-narrow" : ".figure-wide");
  if (!stage || !variant || typeof answer.svg !== "string") return;
  // Markup this site's build wrote (as it wrote the page's own drawings), parsed inert.
  const template = document.createElement("template");
  template.innerHTML = answer.svg;
  variant.replaceChildren(template.content);
  stage.setAttribute("aria-label", answer.alt);
  // Its data table too (the JSON is the build's; checked all the same before it is read).
  const table = answer.table as Partial<DataTable> | undefined;
  if (Array.isArray(table?.columns) && Array.isArray(table.rows))
    figure.querySelector(".cell-table .table-scroll table")?.replaceWith(renderTable(answer.table));
  const state = figure.querySelector("[data-state]");
  if (state && typeof answer.state === "string") state.textContent = answer.state;
  slider.setAttribute("aria-valuetext", answer.valueText);
  for (const r of answer.readouts) {
    const row = figure.querySelector<HTMLElement>(`[data-readout="${CSS.escape(r.key)}"]`);
    if (!row) continue;
    const output = row.querySelector<HTMLElement>("[data-output]");
    if (output) {
      output.textContent = r.text;
      output.dataset.value = JSON.stringify(r.value);
    }
    const spoken = row.querySelector("[data-spoken]");
    if (spoken && typeof r.spoken === "string") spoken.textContent = r.spoken;
    row.hidden = r.hidden;
    if (r.best) row.dataset.best = "true";
    else delete row.dataset.best;
  }
}

/**
 * Shows the build's drawing of a slider's first move (`answer`, fetched by the page's script as
 * soon as the reader moved): the figure no longer says it is on its way (its readouts are said
 * when its code runs); not if the code has drawn meanwhile or the reader has moved on.
 */
export async function showFirstMove(
  figure: HTMLElement,
  move: { readonly key: string; readonly slider: HTMLInputElement },
  answer: Promise<Response>,
): Promise<void> {
  const response = await answer;
  const shown = response.ok ? ((await response.json()) as FirstMoveAnswer) : null;
  const form = figure.querySelector<HTMLFormElement>("form.cell-controls");
  if (!shown || !form || figure.dataset.active || pendingMove(form)?.key !== move.key) return;
  showAnswer(figure, move.slider, shown);
  figure.dataset.answered = move.key;
  delete figure.dataset.busy;
  const status = figure.querySelector<HTMLElement>(".cell-status");
  if (status?.dataset.early) {
    status.textContent = "";
    delete status.dataset.early;
  }
}
