import { IntlMessageFormat } from "intl-messageformat";

const compiled = new Map<string, { readonly message: IntlMessageFormat; readonly names: readonly string[] }>();

/** A UI string compiled for a locale by intl-messageformat (ICU MessageFormat) with its argument names, cached. */
function compile(template: string, locale: string): { readonly message: IntlMessageFormat; readonly names: readonly string[] } {
  const key = `${locale}\n${template}`;
  let entry = compiled.get(key);
  if (!entry) {
    const message = new IntlMessageFormat(template, locale, undefined, { ignoreTag: true });
    entry = { message, names: placeholderNames(message) };
    compiled.set(key, entry);
  }
  return entry;
}

/**
 * Fills a UI string as ICU MessageFormat does (`{name}`, `{n, plural, one {# x} other {# xs}}`):
 * the build's formatter. A parameter left unfilled is an error naming it. The browser uses the
 * small subset formatter of src/lib/text/template.ts (this library would be most of its budget);
 * tests/translation/template.test.ts checks that both give the same text for every string.
 */
export function formatMessage(template: string, params: Record<string, string | number> = {}, locale: string): string {
  const { message, names } = compile(template, locale);
  for (const name of names) if (!(name in params)) throw new Error(`missing parameter {${name}} in "${template}"`);
  const out = message.format(params);
  return Array.isArray(out) ? out.join("") : String(out);
}

/** Why a UI string is not a valid message (an unclosed brace, a plural without `other`), or null. */
export function messageProblem(template: string, locale: string): string | null {
  try {
    compile(template, locale);
    return null;
  } catch (err) {
    return (err as Error).message.split("\n")[0]!;
  }
}

// The parser's element types (@formatjs/icu-messageformat-parser TYPE): text and `#` name no argument.
const LITERAL = 0;
const PLURAL = 6;
const POUND = 7;

/** The argument names a message uses (`{count}`, `{n, plural, …}`, `{數量}`), or null when it does not parse. */
export function messageArguments(template: string, locale: string): string[] | null {
  try {
    return [...compile(template, locale).names];
  } catch {
    return null;
  }
}

type Elements = ReturnType<IntlMessageFormat["getAst"]>;

/** Whether elements show a plural's number: `#`, or the argument itself (`{n}`, `{n, number}`), at any depth. */
function showsNumber(elements: Elements, name: string): boolean {
  return elements.some(
    (el) =>
      (el.type as number) === POUND ||
      ("value" in el && el.value === name && (el.type as number) !== LITERAL) ||
      ("options" in el && Object.values(el.options).some((o) => showsNumber((o as { value: Elements }).value, name))),
  );
}

/** Each plural of a message with the forms (`one`, `other`; not exact `=0`) that do not show its number, by argument name. */
export function pluralForms(template: string, locale: string): Map<string, { showing: boolean; silent: string[] }> | null {
  let ast: Elements;
  try {
    ast = compile(template, locale).message.getAst();
  } catch {
    return null;
  }
  const found = new Map<string, { showing: boolean; silent: string[] }>();
  const walk = (elements: Elements): void => {
    for (const el of elements) {
      if (!("options" in el)) continue;
      const options = Object.entries(el.options) as [string, { value: Elements }][];
      if ((el.type as number) === PLURAL && "value" in el) {
        const name = el.value;
        const silent = options.filter(([key, o]) => !key.startsWith("=") && !showsNumber(o.value, name)).map(([key]) => key);
        found.set(name, { showing: options.some(([key, o]) => !key.startsWith("=") && showsNumber(o.value, name)), silent });
      }
      for (const [, o] of options) walk(o.value);
    }
  };
  walk(ast);
  return found;
}

/** The argument names a compiled message uses. */
function placeholderNames(message: IntlMessageFormat): string[] {
  const names = new Set<string>();
  const walk = (elements: ReturnType<IntlMessageFormat["getAst"]>): void => {
    for (const el of elements) {
      if ("value" in el && typeof el.value === "string" && (el.type as number) !== LITERAL && (el.type as number) !== POUND)
        names.add(el.value);
      if ("options" in el) for (const option of Object.values(el.options)) walk((option as { value: typeof elements }).value);
    }
  };
  walk(message.getAst());
  return [...names];
}
