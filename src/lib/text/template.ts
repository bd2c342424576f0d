import { formatNumber } from "../format/number.ts";

/**
 * Fills a UI string: `{name}` is replaced by its parameter, `{name, number}` by the number
 * formatted for the locale (4,055), and `{name, plural, one {# result} other {# results}}` picks
 * the form the locale's plural rules give for the number (`#` is the number, formatted for the
 * locale). A parameter left unfilled is an error.
 */
export function fillTemplate(template: string, params: Record<string, string | number> = {}, locale = "en"): string {
  let out = "";
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) break;
    out += template.slice(i, open);
    const close = matchingBrace(template, open);
    const inner = template.slice(open + 1, close);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    const number = /^\s*(\w+)\s*,\s*number\s*$/.exec(inner);
    const name = plural ? plural[1]! : number ? number[1]! : inner.trim();
    if (!/^\w+$/.test(name)) {
      out += template.slice(open, close + 1); // not a placeholder: kept as written
      i = close + 1;
      continue;
    }
    if (!(name in params)) throw new Error(`missing parameter {${name}} in "${template}"`);
    out += plural
      ? pluralForm(plural[2]!, Number(params[name]), locale)
      : number
        ? formatNumber(Number(params[name]), locale)
        : String(params[name]);
    i = close + 1;
  }
  return out + template.slice(i);
}

/** The index of the `}` closing the `{` at `open` (nesting counted); the end when unclosed. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return text.length;
}

/** The plural options, `one {…} other {…}` (and `=0 {…}`), of a number in a locale. */
export function pluralOptions(body: string): Map<string, string> {
  const options = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const m = /\s*(=\d+|\w+)\s*\{/y;
    m.lastIndex = i;
    const found = m.exec(body);
    if (!found) break;
    const open = m.lastIndex - 1;
    const close = matchingBrace(body, open);
    options.set(found[1]!, body.slice(open + 1, close));
    i = close + 1;
  }
  return options;
}

/** Each locale's plural rules, made once (a string with a count is filled again on every move of a control). */
const pluralRules = new Map<string, Intl.PluralRules>();

function pluralForm(body: string, n: number, locale: string): string {
  const options = pluralOptions(body);
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const text = options.get(`=${n}`) ?? options.get(rules.select(n)) ?? options.get("other") ?? "";
  return text.replace(/#/g, formatNumber(n, locale));
}
