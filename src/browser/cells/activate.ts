import { hasUrlState } from "./urlState.ts";

/** How far ahead a figure's code is fetched: four screens, so a reader skimming down finds it ready. */
const FETCH_AHEAD = "400% 0px";
/** How near a figure is brought to life (drawn at its width, controls live, its first files fetched): a screen. */
const MOUNT_AHEAD = "100% 0px";

/** Runs `work` once the page has loaded and the browser is idle: never in the way of the first paint. */
function afterLoadIdle(work: () => void): void {
  const idle = () => {
    if ("requestIdleCallback" in window) requestIdleCallback(work, { timeout: 2000 });
    else setTimeout(work, 200);
  };
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle, { once: true });
}

/** One observer that calls `act` once per figure, when it comes within `margin` of the viewport. */
function whenNear(margin: string, act: (figure: HTMLElement) => void): IntersectionObserver {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        observer.unobserve(e.target);
        act(e.target as HTMLElement);
      }
    },
    { rootMargin: margin },
  );
  return observer;
}

/**
 * Runs on every page with interactive figures (a few hundred bytes): enables their controls;
 * fetches a figure's code and the files its first move needs (after load, at idle) when the
 * figure comes within a few screens, so the first move of a control answers at once; brings
 * the figure to life when it is near, gets focus or a pointer, or when the URL carries its
 * state. Until then the built SVG is what the reader sees, and a move made meanwhile is applied
 * when the code runs.
 */
export function activateCells(root: Document): void {
  const figures = [...root.querySelectorAll<HTMLElement>("figure[data-interactive]")];
  const start = (figure: HTMLElement) => {
    if (figure.dataset.loading) return;
    figure.dataset.loading = "true";
    void import("./loadCell.ts").then((m) => m.loadCell(figure));
  };
  const prefetch = (figure: HTMLElement) => {
    afterLoadIdle(() => {
      if (!figure.dataset.loading) void import("./loadCell.ts").then((m) => m.fetchCellAhead(figure));
    });
  };
  const observers =
    "IntersectionObserver" in window ? { fetch: whenNear(FETCH_AHEAD, prefetch), mount: whenNear(MOUNT_AHEAD, start) } : null;
  for (const figure of figures) {
    figure.querySelector("fieldset")?.removeAttribute("disabled");
    figure.querySelector(".needs-js")?.remove();
    if (hasUrlState(figure.dataset.cell!)) {
      // A shared link to this view: show it, even inside a closed solution.
      for (let d = figure.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
      start(figure);
    } else if (!observers) start(figure);
    else {
      observers.fetch.observe(figure);
      observers.mount.observe(figure);
      for (const event of ["focusin", "pointerdown", "input"])
        figure.addEventListener(
          event,
          () => {
            start(figure);
          },
          { once: true },
        );
    }
  }
}
