import type { AnyView, InputSpec, InputValues } from "../api/types.ts";

/**
 * A move's name, as the build and the page's script both write it: the control's name and its
 * new value (`start=6`), to twelve significant digits (a slider's 0.30000000000000004 is 0.3).
 */
export const moveKey = (name: string, value: number): string => `${name}=${Number(value.toPrecision(12))}`;

/** One step each way from a control's default, within its range (none for a toggle or a choice). */
export function neighbours(spec: InputSpec): number[] {
  if (spec.kind !== "range" && spec.kind !== "integer") return [];
  const step = spec.kind === "range" ? spec.step : 1;
  return [spec.value - step, spec.value + step].filter((v) => v >= spec.min && v <= spec.max);
}

/** The files a first move may need, as `set/path` addresses: the default view's, and those one step away that it does not share. */
export interface FirstMoveFiles {
  readonly atDefault: string[];
  readonly oneStepAway: string[];
  /** For each move one step from the default (`name=value`), the files it needs that the default view does not. */
  readonly byMove: Record<string, string[]>;
}

/**
 * The files a reader's first move of a cell's controls may need: those its load asks for at the
 * default view, and at one step each way of each load input. The build writes them into the
 * cell's configuration so that a reader who lands on the figure (a link to it, the contents)
 * fetches the first at once, beside the figure's code, instead of after it, and the others once
 * the figure runs (on a slow line they would only compete with its code).
 *
 * Only the files a load names before it awaits anything are known here: it is run with a fetcher
 * that records each request and answers none, and not awaited.
 */
export function firstMoveFiles(view: AnyView, payload: unknown): FirstMoveFiles {
  const interaction = view.interaction;
  const load = interaction?.load;
  if (!interaction || !load) return { atDefault: [], oneStepAway: [], byMove: {} };
  const specs = interaction.inputs(payload as never);
  const defaults: InputValues = Object.fromEntries(specs.map((s) => [s.name, s.value]));
  const views: InputValues[] = [defaults];
  const moves: string[] = [];
  for (const name of load.inputs) {
    const spec = specs.find((s) => s.name === name);
    if (spec)
      for (const value of neighbours(spec)) {
        views.push({ ...defaults, [name]: value });
        moves.push(moveKey(name, value));
      }
  }
  const asked = views.map(() => new Set<string>());
  const unanswered = new Error("recorded, not fetched");
  for (const [i, inputs] of views.entries()) {
    const constrained = { ...inputs, ...(interaction.constrain?.(payload as never, inputs) ?? {}) };
    const loadInputs = Object.fromEntries(load.inputs.map((n) => [n, constrained[n]!]));
    try {
      void load
        .run(
          loadInputs,
          (set, path) => {
            asked[i]!.add(`${set}/${path}`);
            return Promise.reject(unanswered);
          },
          payload as never,
        )
        .catch(() => undefined);
    } catch {
      // A load that throws before asking for a file names none.
    }
  }
  const [first, ...others] = asked;
  const atDefault = [...first!].sort();
  const oneStepAway = [...new Set(others.flatMap((a) => [...a]))].filter((a) => !first!.has(a)).sort();
  const byMove: Record<string, string[]> = {};
  others.forEach((asked, i) => {
    const own = [...asked].filter((a) => !first!.has(a)).sort();
    if (own.length) byMove[moves[i]!] = own;
  });
  return { atDefault, oneStepAway, byMove };
}
