import { hasUrlState } from "./urlState.ts";

/** The page's UI strings for its cells (the chapter page's JSON block), read when first needed. */
let strings: Record<string, string> | null = null;
const pageStrings = (): Record<string, string> =>
  (strings ??= JSON.parse(document.querySelector("script[data-cell-strings]")?.textContent ?? "{}") as Record<string, string>);

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

/**
 * The figures a reader lands on: the one an address's fragment names (`#cell-…`), or those of
 * the section it names, up to the next heading of the same level or higher.
 */
export function landingFigures(root: Document, hash: string): HTMLElement[] {
  let target: Element | null;
  try {
    target = hash.length > 1 ? root.getElementById(decodeURIComponent(hash.slice(1))) : null;
  } catch {
    return [];
  }
  if (!target) return [];
  const figure = target.closest<HTMLElement>("figure[data-interactive]");
  if (figure) return [figure];
  const level = /^H([1-6])$/.exec(target.tagName)?.[1];
  if (!level) return [...target.querySelectorAll<HTMLElement>("figure[data-interactive]")];
  const found: HTMLElement[] = [];
  for (let el = target.nextElementSibling; el; el = el.nextElementSibling) {
    const other = /^H([1-6])$/.exec(el.tagName)?.[1];
    if (other && other <= level) break;
    if (el.matches("figure[data-interactive]")) found.push(el as HTMLElement);
    found.push(...el.querySelectorAll<HTMLElement>("figure[data-interactive]"));
  }
  return found;
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
  // A move made before a figure's code has run: the figure says it is on its way (its status is a
  // live region, so this is heard too), and the move is applied when the code runs.
  const early = (figure: HTMLElement) => {
    if (figure.dataset.active) return;
    figure.dataset.busy = "true";
    const status = figure.querySelector<HTMLElement>(".cell-status");
    if (status && !status.textContent) {
      status.textContent = pageStrings()["status.figureLoading"] ?? "";
      status.dataset.early = "true";
    }
  };
  const observers =
    "IntersectionObserver" in window ? { fetch: whenNear(FETCH_AHEAD, prefetch), mount: whenNear(MOUNT_AHEAD, start) } : null;
  // A reader who arrives at a figure, or jumps to it from the contents, is about to use it: its
  // code is fetched first, at once, not when the browser has time.
  for (const figure of landingFigures(root, location.hash)) start(figure);
  addEventListener("hashchange", () => {
    for (const figure of landingFigures(root, location.hash)) start(figure);
  });
  for (const figure of figures) {
    figure.addEventListener("input", () => {
      early(figure);
    });
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
