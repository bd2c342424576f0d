import { hasUrlState } from "./urlState.ts";

/**
 * Runs on every page with interactive figures (a few hundred bytes): enables their controls,
 * and loads a figure's code only when it comes near the viewport, gets focus or a pointer,
 * or when the URL carries its state. Until then the built SVG is what the reader sees.
 */
export function activateCells(root: Document): void {
  const figures = [...root.querySelectorAll<HTMLElement>("figure[data-interactive]")];
  const start = (figure: HTMLElement) => {
    if (figure.dataset.loading) return;
    figure.dataset.loading = "true";
    void import("./loadCell.ts").then((m) => m.loadCell(figure));
  };
  const observer =
    "IntersectionObserver" in window
      ? new IntersectionObserver(
          (entries) => {
            for (const e of entries) {
              if (e.isIntersecting) {
                observer?.unobserve(e.target);
                start(e.target as HTMLElement);
              }
            }
          },
          { rootMargin: "400px 0px" },
        )
      : null;
  for (const figure of figures) {
    figure.querySelector("fieldset")?.removeAttribute("disabled");
    figure.querySelector(".needs-js")?.remove();
    if (hasUrlState(figure.dataset.cell!)) {
      // A shared link to this view: show it, even inside a closed solution.
      for (let d = figure.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
      start(figure);
    } else if (!observer) start(figure);
    else {
      observer.observe(figure);
      figure.addEventListener(
        "focusin",
        () => {
          start(figure);
        },
        { once: true },
      );
      figure.addEventListener(
        "pointerdown",
        () => {
          start(figure);
        },
        { once: true },
      );
    }
  }
}
