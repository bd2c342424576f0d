/** Among readouts marked `best: "min"` that are shown, the index of the smallest (-1 for none). */
export function bestReadout(specs: readonly { readonly best?: "min" }[], values: readonly number[], shown: readonly boolean[]): number {
  let best = -1;
  specs.forEach((r, i) => {
    if (r.best === "min" && shown[i] && Number.isFinite(values[i]) && (best < 0 || values[i]! < values[best]!)) best = i;
  });
  return best;
}
