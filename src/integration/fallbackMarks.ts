import { markSvgText } from "../lib/text/markSvgText.ts";
import type { RenderedCell } from "../course/chapterStore.ts";

/**
 * A cell drawn partly with its own language's strings and partly with the source's (a strings
 * file translated in part): each control label and readout label that fell back says it is in
 * the source language, and so do the figure's text elements that hold a fallen-back string.
 */
export function markFallbackTexts(cell: RenderedCell, fellBack: ReadonlySet<string>, sourceLocale: string): RenderedCell {
  if (fellBack.size === 0) return cell;
  const langOf = (text: string) => (fellBack.has(text) ? { lang: sourceLocale } : {});
  return {
    ...cell,
    svg: markSvgText(cell.svg, fellBack, sourceLocale),
    narrowSvg: markSvgText(cell.narrowSvg, fellBack, sourceLocale),
    ...(cell.interactive
      ? {
          interactive: {
            ...cell.interactive,
            controls: cell.interactive.controls.map((c) => ({ ...c, ...langOf(c.label) })),
            readouts: cell.interactive.readouts.map((r) => ({ ...r, ...langOf(r.label) })),
            actions: cell.interactive.actions.map((a) => ({ ...a, ...langOf(a.label) })),
          },
        }
      : {}),
  };
}
