import type { InputSpec, PlotContext } from "./types.ts";
import { formatNumber } from "../lib/format/number.ts";

/** Decimals a range input's step needs (0.005 -> 3). */
export function stepDecimals(step: number): number {
  const text = String(step);
  return text.includes(".") ? text.length - text.indexOf(".") - 1 : 0;
}

/** How a control's value reads on the page: the number as the locale writes it, with the step's decimals. */
export function formatInput(spec: InputSpec, value: number | boolean, locale: string): string {
  if (typeof value === "boolean") return String(value);
  const decimals = spec.kind === "range" ? stepDecimals(spec.step) : 0;
  return formatNumber(value, locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A control's unit, as a UI string key (a checkbox has none). */
const unitOf = (spec: InputSpec): string | undefined => (spec.kind === "toggle" ? undefined : spec.unit);

/** What assistive technology says of a slider's value: the number and its unit in the reader's language ("0.100 seconds"). */
export function spokenValue(spec: InputSpec, value: number | boolean, ctx: Pick<PlotContext, "locale" | "t">): string {
  const number = formatInput(spec, value, ctx.locale);
  const unit = unitOf(spec);
  return unit ? ctx.t("control.valueWithUnit", { value: number, unit: ctx.t(unit) }) : number;
}

/** The accessible name of the number field beside a slider: the slider's label, said to be its value (and in what unit). */
export function numberFieldName(spec: InputSpec, label: string, t: PlotContext["t"]): string {
  const unit = unitOf(spec);
  return unit ? t("control.numberFieldUnit", { label, unit: t(unit) }) : t("control.numberField", { label });
}

/** The nearest value a control can take: clamped to its range and snapped to its step (whole numbers for an integer). */
export function snapToSpec(spec: InputSpec, value: number): number {
  if (spec.kind === "toggle") return value;
  const step = spec.kind === "range" ? spec.step : 1;
  const k = Math.round((Math.min(spec.max, Math.max(spec.min, value)) - spec.min) / step);
  return Number((spec.min + k * step).toFixed(spec.kind === "range" ? stepDecimals(step) : 0));
}
