import type { UiKey, UiStrings } from "./schema.ts";
import { formatMessage } from "./messageFormat.ts";

export { formatMessage };

export type Translate = (key: UiKey, params?: Record<string, string | number>) => string;

/** The `t()` of one locale's UI strings (src/translation/ui/<locale>.json, checked). */
export function translatorFor(strings: UiStrings, locale: string): Translate {
  return (key, params) => formatMessage(strings[key], params, locale);
}
