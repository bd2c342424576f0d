import type { AnyView, InputValues, PlotContext } from "../api/types.ts";
import { bestReadout } from "../lib/format/readouts.ts";
import type { RenderedInteraction } from "../course/chapterStore.ts";

/** A readout as the build writes it (the page's contract): its label, value, written and spoken forms, and whether it is shown and marked lowest. */
type ReadoutAt = RenderedInteraction["readouts"][number];

/** An interactive view's readouts at some inputs (readouts of hidden curves hidden, the lowest of those shown marked). */
export function readoutsAt(view: AnyView, payload: unknown, inputs: InputValues, ctx: PlotContext): ReadoutAt[] {
  const specs = view.interaction?.readouts ?? [];
  const values = specs.map((r) => r.compute(payload as never, inputs));
  const shown = specs.map((r) => !r.shownBy || inputs[r.shownBy] === true);
  const best = bestReadout(specs, values, shown);
  return specs.map((r, i) => {
    const params = Object.fromEntries(Object.entries(r.labelParams ?? {}).map(([k, key]) => [k, ctx.t(key)]));
    return {
      key: r.key,
      label: ctx.t(r.label, params),
      value: values[i]!,
      text: r.format(values[i]!, ctx.locale),
      spoken: r.spoken?.(values[i]!, ctx),
      hidden: !shown[i],
      best: best === i,
    };
  });
}
