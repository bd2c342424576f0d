import type { InputSpec, InputValue, InputValues } from "../../api/types.ts";
import { cellFigureId } from "../../lib/content/pageIds.ts";
import { snapToSpec } from "../../api/inputFormat.ts";

/** A cell's inputs in the page URL: `?<cell>.<name>=<value>`, only those that differ from the defaults. */
export function readUrlState(cellId: string, specs: readonly InputSpec[], search = location.search): InputValues {
  const params = new URLSearchParams(search);
  const values: Record<string, InputValue> = {};
  for (const spec of specs) {
    const raw = params.get(`${cellId}.${spec.name}`);
    if (raw === null) continue;
    if (spec.kind === "toggle") values[spec.name] = raw === "1" || raw === "true";
    else if (raw.trim() !== "" && Number.isFinite(Number(raw))) values[spec.name] = snapToSpec(spec, Number(raw));
  }
  return values;
}

/** The URL with a cell's non-default inputs written in, other cells' parameters kept. */
export function writeUrlState(href: string, cellId: string, values: InputValues, defaults: InputValues): string {
  const url = new URL(href);
  for (const key of [...url.searchParams.keys()]) if (key.startsWith(`${cellId}.`)) url.searchParams.delete(key);
  for (const [name, value] of Object.entries(values)) {
    if (value === defaults[name]) continue;
    url.searchParams.set(`${cellId}.${name}`, typeof value === "boolean" ? (value ? "1" : "0") : String(value));
  }
  url.hash = cellFigureId(cellId);
  return url.href;
}

/** True when the URL carries state for this cell (it then activates at once). */
export function hasUrlState(cellId: string, search = location.search): boolean {
  return [...new URLSearchParams(search).keys()].some((k) => k.startsWith(`${cellId}.`));
}
