import type { FirstMoveAnswers } from "../../api/cellConfig.ts";

/**
 * The move a figure's controls show before its code runs, when it is one the build drew: one
 * slider moved (`name=value`, written as the build writes it) and every other control at its
 * default (the value the page was built with). Null for anything else.
 */
export function pendingMove(form: HTMLFormElement): { readonly key: string; readonly slider: HTMLInputElement } | null {
  let moved: HTMLInputElement | null = null;
  for (const input of form.querySelectorAll<HTMLInputElement>("input[name]")) {
    const atDefault = input.type === "checkbox" ? input.checked === input.defaultChecked : input.value === input.defaultValue;
    if (atDefault) continue;
    if (moved || input.type !== "range") return null;
    moved = input;
  }
  return moved ? { key: moveOf(moved), slider: moved } : null;
}

/** A control's move as the build names it: its name and value (`start=6`, twelve significant digits: see firstMoveFiles.ts). */
export const moveOf = (input: HTMLInputElement): string => `${input.name}=${Number(Number(input.value).toPrecision(12))}`;

/** Whether the figure shows its phone drawing (the page's CSS chooses one of the two the build drew). */
export const showsNarrow = (stage: HTMLElement): boolean => (stage.querySelector(".figure-narrow")?.getClientRects().length ?? 0) > 0;

/** The address of a move's answer at the drawing's width the page shows, or null when the build drew none for it. */
export function answerUrl(answers: FirstMoveAnswers, key: string, stage: HTMLElement): string | null {
  return Object.hasOwn(answers.moves, key) ? `${answers.base}${answers.moves[key]!}-${showsNarrow(stage) ? "narrow" : "wide"}.json` : null;
}
