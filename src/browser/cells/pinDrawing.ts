/**
 * On a narrow screen (a phone, or a page zoomed to 200%) a figure's controls are taller than the
 * screen: moving one would leave the drawing out of sight. While the reader uses a control (it
 * has focus, or a slider is dragged) the drawing is pinned under the site's header and shrinks as
 * the page scrolls past it, down to two fifths of the screen; the controls pass beneath it.
 *
 * The pinned drawing keeps its place in the page (sticky, scaled by a transform), so nothing
 * below it moves; the focused control is scrolled out from under it (WCAG 2.4.11). A press on a
 * control pins only once the press ends, so the control does not move under the finger.
 */

const NARROW = "screen and (max-width: 59.99rem)";
/** The most of the screen's height the pinned drawing takes. */
const ROOM = 0.4;
/** Space kept between the pinned drawing and the control in use, in CSS pixels. */
const GAP = 12;

export function pinDrawingWhileUsed(figure: HTMLElement, stage: HTMLElement, form: HTMLFormElement): void {
  const narrow = matchMedia(NARROW);
  let pressing = false;
  let frame = 0;
  /** Where the drawing's own place is below the figure's top, read before it is pinned. */
  let ownOffset = 0;

  const headerBottom = () => {
    const header = document.querySelector(".site-header");
    if (!header || !["sticky", "fixed"].includes(getComputedStyle(header).position)) return 0;
    return Math.max(0, header.getBoundingClientRect().bottom);
  };

  /** The scale for how far the page has scrolled past the drawing's own place: 1 there, down to the room allowed. */
  const fit = () => {
    if (figure.dataset.pinned === undefined) return;
    const top = headerBottom();
    const natural = stage.offsetHeight;
    const screen = visualViewport?.height ?? innerHeight;
    const smallest = Math.min(1, (screen * ROOM) / Math.max(1, natural));
    const ownTop = figure.getBoundingClientRect().top + ownOffset;
    const past = Math.max(0, top - ownTop);
    const scale = Math.max(smallest, 1 - past / Math.max(1, natural));
    figure.style.setProperty("--pin-top", `${top}px`);
    figure.style.setProperty("--pin-scale", scale.toFixed(4));
    // The part of its height the shrunk drawing gives up, taken from its margin box (and filled
    // by the empty box after it, so nothing moves): it stays pinned to the figure's end.
    figure.style.setProperty("--pin-room", `${Math.round(natural * (1 - smallest))}px`);
  };

  /** Scrolls the control in use out from under the pinned drawing. */
  const uncover = () => {
    const control = document.activeElement;
    if (!(control instanceof HTMLElement) || !form.contains(control)) return;
    const drawing = stage.getBoundingClientRect();
    const box = control.getBoundingClientRect();
    if (box.top < drawing.bottom + GAP) window.scrollBy({ top: box.top - drawing.bottom - GAP, behavior: "instant" });
    fit();
  };

  const pin = () => {
    if (!narrow.matches || pressing) return;
    if (figure.dataset.pinned === undefined) {
      ownOffset = stage.getBoundingClientRect().top - figure.getBoundingClientRect().top;
      figure.dataset.pinned = "";
      fit();
    }
    uncover();
  };
  const unpin = () => {
    delete figure.dataset.pinned;
    for (const name of ["--pin-top", "--pin-scale", "--pin-room"]) figure.style.removeProperty(name);
  };

  form.addEventListener("pointerdown", () => {
    pressing = true;
  });
  const released = () => {
    if (!pressing) return;
    pressing = false;
    if (form.contains(document.activeElement)) requestAnimationFrame(pin);
  };
  addEventListener("pointerup", released, true);
  addEventListener("pointercancel", released, true);
  form.addEventListener("focusin", () => {
    // After the browser's own scroll to the focused control.
    if (!pressing) requestAnimationFrame(pin);
  });
  // A slider dragged: pinned while it moves (a drag keeps following the finger as the page scrolls).
  form.addEventListener("input", (e) => {
    if (!pressing || !(e.target instanceof HTMLInputElement) || e.target.type !== "range") return;
    pressing = false;
    pin();
    pressing = true;
  });
  figure.addEventListener("focusout", (e) => {
    if (!(e.relatedTarget instanceof Node) || !figure.contains(e.relatedTarget)) unpin();
  });
  narrow.addEventListener("change", () => {
    if (!narrow.matches) unpin();
  });
  addEventListener(
    "scroll",
    () => {
      if (figure.dataset.pinned === undefined || frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        fit();
      });
    },
    { passive: true },
  );
}
