import type { DataTable } from "../../api/types.ts";

/** A table element for a figure's data (the same markup as the build's): used by the figure's code and by the build's first-move answers. */
export function renderTable(table: DataTable): HTMLTableElement {
  const el = document.createElement("table");
  const head = el.createTHead().insertRow();
  for (const c of table.columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c;
    head.append(th);
  }
  const body = el.createTBody();
  for (const row of table.rows) {
    const tr = body.insertRow();
    row.forEach((v, i) => {
      const cell = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) cell.scope = "row";
      cell.textContent = String(v);
      tr.append(cell);
    });
  }
  return el;
}
