import type { AnyView, InputValues, PlotContext } from "../api/types.ts";
import { defaultInputs } from "../api/types.ts";
import { numberFieldName, spokenValue } from "../api/inputFormat.ts";
import { readoutsAt } from "./readouts.ts";
import { renderPlot } from "../lib/plot/ssr.ts";
import type { RenderedCell, RenderedInteraction } from "../course/chapterStore.ts";
import type { CellConfig, FirstMoveAnswers } from "../api/cellConfig.ts";
import { firstMoveFiles } from "./firstMoveFiles.ts";
import { scriptJson } from "../lib/text/scriptJson.ts";

/** The width of the figures drawn for phones: 12 px text stays above 11 px on a 320 px screen. */
export const NARROW_WIDTH = 320;

function interactionOf(
  view: AnyView,
  payload: never,
  inputs: InputValues,
  ctx: PlotContext,
  files: Record<string, string>,
  answers: FirstMoveAnswers | undefined,
): RenderedInteraction {
  const interaction = view.interaction!;
  const controls = interaction.inputs(payload).map((spec) => {
    const label = ctx.t(spec.label);
    // The number field is named after the slider's words (the notebook's name describes both).
    return { spec, label, valueText: spokenValue(spec, spec.value, ctx), numberName: numberFieldName(spec, label, ctx.t) };
  });
  const readouts = readoutsAt(view, payload, inputs, ctx);
  const urls = (addresses: readonly string[]) =>
    addresses.flatMap((address) => {
      const at = address.indexOf("/");
      const base = files[address.slice(0, at)];
      return base === undefined ? [] : [base + address.slice(at + 1)];
    });
  const { atDefault, oneStepAway, byMove } = firstMoveFiles(view, payload);
  const config: CellConfig = {
    payload: interaction.slim ? interaction.slim(payload) : payload,
    locale: ctx.locale,
    files,
    ...(atDefault.length || oneStepAway.length || answers
      ? {
          firstMove: {
            atDefault: urls(atDefault),
            oneStepAway: urls(oneStepAway),
            byMove: Object.fromEntries(Object.entries(byMove).map(([move, files]) => [move, urls(files)])),
            ...(answers ? { answers } : {}),
          },
        }
      : {}),
  };
  return {
    controls,
    readouts,
    actions: (interaction.actions ?? []).map((a) => ({ name: a.name, label: ctx.t(a.label) })),
    notes: (interaction.notes ?? []).map((key) => ctx.t(key)),
    config: scriptJson(config),
  };
}

/**
 * Draws a cell at its default inputs for one locale: the SVG a reader sees without
 * JavaScript, its text alternative and table, and for an interactive cell its controls,
 * readouts and the configuration its browser code starts from.
 */
export function renderCell(
  view: AnyView,
  payload: unknown,
  ctx: PlotContext,
  files: Record<string, string>,
  time: (work: () => string) => string,
  /** Where the build wrote the figure's first-move answers for this locale, and each move's number. */
  answers?: FirstMoveAnswers,
): RenderedCell {
  const p = payload as never;
  const inputs = defaultInputs(view, p);
  const options = view.plot(p, inputs, ctx);
  const inBrowser = view.interaction !== undefined;
  const svg = time(() => renderPlot(options, inBrowser));
  // A phone shows this one (chosen by CSS): its text stays at its size instead of shrinking by half.
  const narrowSvg = time(() => renderPlot({ ...options, width: NARROW_WIDTH }, inBrowser));
  const { alt, table } = view.describe(p, inputs, ctx);
  const state = view.state?.(p, inputs, ctx);
  return {
    ...(state ? { state } : {}),
    svg,
    narrowSvg,
    alt,
    table,
    ...(view.interaction ? { interactive: interactionOf(view, p, inputs, ctx, files, answers) } : {}),
  };
}
