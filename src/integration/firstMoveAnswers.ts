import type { PlotOptions } from "@observablehq/plot";
import type { AnyView, FetchFile, InputSpec, InputValues, PlotContext } from "../api/types.ts";
import { defaultInputs } from "../api/types.ts";
import type { FirstMoveAnswer } from "../api/cellConfig.ts";
import { spokenValue } from "../api/inputFormat.ts";
import { moveKey, neighbours } from "./firstMoveFiles.ts";
import { readoutsAt } from "./readouts.ts";

/** A slider moved one step from the default view: its key (`name=value`) and every input's value after it. */
export interface FirstMove {
  readonly key: string;
  readonly name: string;
  readonly inputs: InputValues;
}

/**
 * The moves of one slider one step from the default view, each on its own: what a reader's first
 * move of a figure is. A move that would also change another input (a window that may not run
 * past the recording) is left out: its drawing would not match the controls the page shows.
 */
export function firstSliderMoves(view: AnyView, payload: unknown): FirstMove[] {
  const interaction = view.interaction;
  if (!interaction) return [];
  const defaults = defaultInputs(view, payload as never);
  return interaction.inputs(payload as never).flatMap((spec) =>
    // Sliders only (a number field is taken when complete), each value as a slider writes it.
    (spec.kind === "range" ? neighbours(spec).map((v) => Number(v.toPrecision(12))) : []).flatMap((value): FirstMove[] => {
      const inputs = { ...defaults, [spec.name]: value };
      const changed = interaction.constrain?.(payload as never, inputs) ?? {};
      if (Object.entries(changed).some(([name, v]) => inputs[name] !== v)) return [];
      return [{ key: moveKey(spec.name, value), name: spec.name, inputs }];
    }),
  );
}

/** The payload a view draws at some inputs: the build's, or loaded from the chapter's files, then prepared (as the browser's graph does). */
async function payloadAt(
  view: AnyView,
  payload: unknown,
  inputs: InputValues,
  defaults: InputValues,
  fetchFile: FetchFile,
): Promise<unknown> {
  const interaction = view.interaction!;
  const load = interaction.load;
  let view_ = payload;
  if (load && [...load.inputs, ...(load.alsoFor ?? [])].some((n) => inputs[n] !== defaults[n])) {
    const loadInputs = Object.fromEntries(load.inputs.map((n) => [n, inputs[n]!]));
    view_ = await load.run(loadInputs, fetchFile, payload as never);
  }
  const prepare = interaction.prepare;
  if (prepare) view_ = prepare.run(view_ as never, Object.fromEntries(prepare.inputs.map((n) => [n, inputs[n]!])));
  return view_;
}

/**
 * What a figure shows after each first move of a slider, computed by the build with the same
 * code the browser runs (the view's plot, description, state line and readouts), drawn at the
 * page's two widths: a reader whose move comes before the figure's code (a slow phone that has
 * just jumped to it) is shown this at once, and the code takes over when it runs.
 */
export async function firstMoveAnswers(
  view: AnyView,
  payload: unknown,
  ctx: PlotContext,
  fetchFile: FetchFile,
  draw: (options: PlotOptions, narrow: boolean) => string,
): Promise<Map<string, { readonly wide: FirstMoveAnswer; readonly narrow: FirstMoveAnswer }>> {
  const answers = new Map<string, { wide: FirstMoveAnswer; narrow: FirstMoveAnswer }>();
  const moves = firstSliderMoves(view, payload);
  if (moves.length === 0) return answers;
  const specs = view.interaction!.inputs(payload as never);
  const defaults = defaultInputs(view, payload as never);
  for (const move of moves) {
    try {
      answers.set(move.key, await answerAt(view, payload, move, specs, defaults, ctx, fetchFile, draw));
    } catch (error) {
      // A figure that fails one step from its default would fail for the reader too: said with the move.
      throw new Error(`cell "${view.id}", after the move ${move.key}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }
  return answers;
}

/** One move's answer, at both widths. */
async function answerAt(
  view: AnyView,
  payload: unknown,
  move: FirstMove,
  specs: readonly InputSpec[],
  defaults: InputValues,
  ctx: PlotContext,
  fetchFile: FetchFile,
  draw: (options: PlotOptions, narrow: boolean) => string,
): Promise<{ readonly wide: FirstMoveAnswer; readonly narrow: FirstMoveAnswer }> {
  const shown = await payloadAt(view, payload, move.inputs, defaults, fetchFile);
  const options = view.plot(shown as never, move.inputs, ctx);
  const { alt, table } = view.describe(shown as never, move.inputs, ctx);
  const spec = specs.find((s) => s.name === move.name)!;
  const common = {
    alt,
    table,
    ...(view.state ? { state: view.state(shown as never, move.inputs, ctx) } : {}),
    valueText: spokenValue(spec, move.inputs[move.name]!, ctx),
    readouts: readoutsAt(view, shown, move.inputs, ctx).map(({ key, value, text, spoken, hidden, best }) => ({
      key,
      value,
      text,
      ...(spoken === undefined ? {} : { spoken }),
      hidden,
      best,
    })),
  };
  return { wide: { ...common, svg: draw(options, false) }, narrow: { ...common, svg: draw(options, true) } };
}
