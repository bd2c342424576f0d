import { hasUrlState } from "./urlState.ts";
import { fetchOnce } from "./fileCache.ts";
import { cellView } from "./cellViews.ts";
import type { CellConfig, FirstMoveAnswers } from "../../api/cellConfig.ts";
import { answerUrl, moveOf, pendingMove } from "./pendingMove.ts";

/** Whether the reader asked to save data (then nothing is fetched ahead of use). */
const saveData = () => Boolean((navigator as { connection?: { saveData?: boolean } }).connection?.saveData);

interface FirstMove {
  readonly atDefault: readonly string[];
  readonly oneStepAway: readonly string[];
  /** The files one move (`name=value`) needs beyond the default view's. */
  readonly byMove: (move: string) => readonly string[];
  /** Where the build's drawings of each first move of a slider are. */
  readonly answers: FirstMoveAnswers | null;
}

const firstMoves = new WeakMap<HTMLElement, FirstMove>();

/** The files the build says a figure's first move may need (its configuration, read once: a move before the code runs asks at every input). */
function firstMoveFiles(figure: HTMLElement): FirstMove {
  let found = firstMoves.get(figure);
  if (!found) firstMoves.set(figure, (found = readFirstMove(figure)));
  return found;
}

/** At the default view, one step away, and per move, from the cell's configuration. */
function readFirstMove(figure: HTMLElement): FirstMove {
  const urls = (list: unknown) => (Array.isArray(list) ? list.filter((u): u is string => typeof u === "string") : []);
  try {
    const config = JSON.parse(figure.querySelector("script.cell-payload")?.textContent ?? "{}") as Partial<CellConfig>;
    const byMove = config.firstMove?.byMove ?? {};
    return {
      atDefault: urls(config.firstMove?.atDefault),
      oneStepAway: urls(config.firstMove?.oneStepAway),
      byMove: (move) => (Object.hasOwn(byMove, move) ? urls(byMove[move]) : []),
      answers: config.firstMove?.answers ?? null,
    };
  } catch {
    return { atDefault: [], oneStepAway: [], byMove: () => [], answers: null };
  }
}

/** Fetches files ahead of use, each once per page. */
function fetchAhead(urls: readonly string[]): void {
  for (const url of urls) void fetchOnce(url).catch(() => undefined);
}

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
  const running = new Map<HTMLElement, Promise<void>>();
  const start = (figure: HTMLElement): Promise<void> => {
    let started = running.get(figure);
    if (!started) {
      figure.dataset.loading = "true";
      // The figure's own chunk and the code all figures share, fetched side by side.
      const view = cellView(figure);
      view.catch(() => undefined);
      started = import("./loadCell.ts").then((m) => m.loadCell(figure, view));
      running.set(figure, started);
    }
    return started;
  };
  const prefetch = (figure: HTMLElement) => {
    afterLoadIdle(() => {
      if (figure.dataset.loading) return;
      const view = cellView(figure);
      void import("./loadCell.ts").then((m) => m.fetchCellAhead(figure, view));
    });
  };
  // A move made before a figure's code has run: the figure says it is on its way (its status is a
  // live region, so this is heard too), and the move is applied when the code runs. A slider's
  // first move from the default view is shown at once from the build's drawing of it, when the
  // build drew one (src/integration/firstMoveAnswers.ts), before the files and code it needs.
  const early = (figure: HTMLElement, event: Event) => {
    if (figure.dataset.active) return;
    const input = event.target;
    // The number field beside a slider says the slider's value.
    const twin =
      input instanceof HTMLInputElement && input.type === "range"
        ? figure.querySelector<HTMLInputElement>(`[data-input="${input.name}"]`)
        : null;
    if (twin) twin.value = (input as HTMLInputElement).value;
    // The files this very move needs beyond the default view's, fetched beside the code rather than after it.
    const files =
      input instanceof HTMLInputElement && (input.type === "range" || input.type === "number") && !saveData()
        ? firstMoveFiles(figure).byMove(moveOf(input))
        : [];
    figure.dataset.busy = "true";
    delete figure.dataset.answered;
    const status = figure.querySelector<HTMLElement>(".cell-status");
    if (status && !status.textContent) {
      status.textContent = pageStrings()["status.figureLoading"] ?? "";
      status.dataset.early = "true";
    }
    const answers = firstMoveFiles(figure).answers;
    const stage = figure.querySelector<HTMLElement>(".cell-figure");
    const form = figure.querySelector<HTMLFormElement>("form.cell-controls");
    const move = answers && stage && form && !saveData() ? pendingMove(form) : null;
    const url = move ? answerUrl(answers!, move.key, stage!) : null;
    if (!move || !url) {
      fetchAhead(files);
      return;
    }
    // The build's drawing of this move first (a few kilobytes, and the code that shows it), then
    // the files the figure's code will need for the same view. Marked while on its way: the
    // figure's code, if it arrives meanwhile, lets it be shown first (loadCell.ts).
    figure.dataset.answering = move.key;
    const answer = fetch(url, { priority: "high" });
    void import("./firstAnswer.ts")
      .then((m) => m.showFirstMove(figure, move, answer))
      .catch(() => undefined)
      .finally(() => {
        if (figure.dataset.answering === move.key) delete figure.dataset.answering;
        // What the code needs for this view: the default view's files (held back, for a figure a
        // reader arrived at, while its code and this drawing came) and this move's.
        fetchAhead([...firstMoveFiles(figure).atDefault, ...files]);
      });
  };
  const observers =
    "IntersectionObserver" in window
      ? { fetch: whenNear(FETCH_AHEAD, prefetch), mount: whenNear(MOUNT_AHEAD, (f) => void start(f)) }
      : null;
  // The code every figure shares (Plot, the runtime), at the reader's first touch, click or key
  // (opening the contents, say): a reader who then jumps to a figure far down waits only for
  // that figure's own few kilobytes. Not before (a page that is only read costs no more), and
  // not with Save-Data.
  if (figures.length > 0 && !saveData()) {
    const warm = () => {
      removeEventListener("pointerdown", warm, true);
      removeEventListener("keydown", warm, true);
      void import("./loadCell.ts");
    };
    addEventListener("pointerdown", warm, { capture: true, passive: true });
    addEventListener("keydown", warm, true);
  }
  // A reader who arrives at a figure, or jumps to it from the contents, is about to use it: its
  // code is fetched first, at once, not when the browser has time. The files of its default view
  // (the build names them) come beside the code when nothing else can answer a first move; for a
  // figure whose sliders' first moves the build drew, once its own code has arrived (or a drawing
  // of a move has): on a slow line they would share it with that drawing, which answers first.
  // The files one step away follow once the figure runs.
  const land = () => {
    for (const figure of landingFigures(root, location.hash)) {
      const files = saveData() ? { atDefault: [], oneStepAway: [], answers: null } : firstMoveFiles(figure);
      if (files.answers)
        cellView(figure).then(
          () => {
            fetchAhead(files.atDefault);
          },
          () => undefined,
        );
      else fetchAhead(files.atDefault);
      void start(figure).then(
        () => {
          fetchAhead(files.oneStepAway);
        },
        () => undefined,
      );
    }
  };
  land();
  addEventListener("hashchange", land);
  for (const figure of figures) {
    figure.addEventListener("input", (event) => {
      early(figure, event);
    });
    figure.querySelector("fieldset")?.removeAttribute("disabled");
    figure.querySelector(".needs-js")?.remove();
    if (hasUrlState(figure.dataset.cell!)) {
      // A shared link to this view: show it, even inside a closed solution.
      for (let d = figure.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
      void start(figure);
    } else if (!observers) void start(figure);
    else {
      observers.fetch.observe(figure);
      observers.mount.observe(figure);
      for (const event of ["focusin", "pointerdown", "input"])
        figure.addEventListener(
          event,
          () => {
            void start(figure);
          },
          { once: true },
        );
    }
  }
}
