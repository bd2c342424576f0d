import type { InputSpec, InputValue, PlotContext } from "../../api/types.ts";
import { snapToSpec, spokenValue } from "../../api/inputFormat.ts";
import type { LoadState } from "./graph.ts";

/** A control's value as its element holds it. */
export function readControl(spec: InputSpec, el: HTMLInputElement): InputValue {
  return spec.kind === "toggle" ? el.checked : Number(el.value);
}

/** Shows a value in a control, the number field beside a slider, and the slider's accessible value text. */
export function writeControl(spec: InputSpec, el: HTMLInputElement, value: InputValue, ctx: PlotContext): void {
  if (spec.kind === "toggle") el.checked = value as boolean;
  else el.value = String(value);
  if (spec.kind === "range") el.setAttribute("aria-valuetext", spokenValue(spec, value, ctx));
  const field = el.form?.querySelector<HTMLInputElement>(`input[data-input="${spec.name}"]`);
  if (field && document.activeElement !== field) field.value = String(value);
}

/**
 * Listens to a cell's form: a slider or checkbox on every move, an integer field when complete
 * (Enter or leaving it; an incomplete or invalid entry is put back), each value snapped to its
 * control's range and step before `onInput` sees it.
 */
export function bindControls(
  form: HTMLFormElement,
  specs: readonly InputSpec[],
  current: (name: string) => InputValue,
  onInput: (name: string, value: InputValue) => void,
): void {
  const onChange = (event: Event) => {
    const el = event.target as HTMLInputElement;
    // The number field beside a slider: taken when complete, like an integer field.
    const field = el.dataset.input;
    if (field !== undefined) {
      const spec = specs.find((s) => s.name === field);
      if (spec?.kind !== "range" || event.type === "input") return;
      const n = Number(el.value);
      if (el.value.trim() === "" || !Number.isFinite(n)) el.value = String(current(field));
      else {
        const snapped = snapToSpec(spec, n);
        el.value = String(snapped);
        onInput(field, snapped);
      }
      return;
    }
    const spec = specs.find((s) => s.name === el.name);
    if (!spec) return;
    if (spec.kind === "integer") {
      if (event.type === "input") return;
      const n = Number(el.value);
      if (el.value.trim() === "" || !Number.isInteger(n)) {
        el.value = String(current(spec.name));
        return;
      }
    }
    const raw = readControl(spec, el);
    onInput(spec.name, typeof raw === "number" ? snapToSpec(spec, raw) : raw);
  };
  form.addEventListener("input", onChange);
  form.addEventListener("change", onChange);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
  });
}

/** Puts the overlay SVG over the base layer's SVG in one box, pixel for pixel (same size and scales). */
export function stackLayers(stage: HTMLElement, base: Element | null, overlay: Element | null): void {
  if (!base || !overlay) return;
  overlay.classList.add("layer-overlay");
  const stack = base.querySelector(".layer-stack");
  if (stack) {
    const previous = stack.querySelector(":scope > .layer-overlay");
    if (previous !== overlay) previous?.remove();
    if (!stack.contains(overlay)) stack.append(overlay);
  } else {
    const svg = base.tagName.toLowerCase() === "svg" ? base : base.querySelector(":scope > svg");
    if (!svg) return;
    const box = document.createElement("div");
    box.className = "layer-stack";
    svg.replaceWith(box);
    box.append(svg, overlay);
  }
  if (!stage.contains(base)) stage.replaceChildren(base);
}

/**
 * Shows a fetch's state under the figure: what is loading, or what failed with a retry
 * button; the figure element carries `data-busy` while loading and `data-failed` after a failure.
 */
export function showLoadState(
  figure: HTMLElement,
  status: HTMLElement | null,
  state: LoadState,
  text: { loading: (what: string) => string; error: (what: string, message: string) => string; retry: string },
  retry: () => void,
): void {
  if (state.kind === "loading") figure.dataset.busy = "true";
  else delete figure.dataset.busy;
  if (state.kind === "error") figure.dataset.failed = "true";
  else delete figure.dataset.failed;
  if (!status) return;
  if (state.kind === "idle") status.replaceChildren();
  else if (state.kind === "loading") status.textContent = text.loading(state.what);
  else {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "retry";
    button.textContent = text.retry;
    button.addEventListener("click", retry);
    status.replaceChildren(`${text.error(state.what, state.message)} `, button);
  }
}
