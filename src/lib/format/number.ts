const formats = new Map<string, Intl.NumberFormat>();

/**
 * `x.toLocaleString(locale, options)` with the formatter cached: creating an Intl.NumberFormat
 * costs tens of microseconds, which matters when a figure's text is redrawn on every input.
 */
export function formatNumber(x: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format.format(x);
}
