/**
 * Text that is safe to print in one line of an error message: control characters, line breaks
 * and other invisible characters escaped (\n, \x1b, \u202e), at most `max` characters (an
 * ellipsis marks a cut). Used for anything taken from a file: names, keys, values.
 */
export function printable(text: string, max = 80): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const escaped =
      ch === "\n"
        ? "\\n"
        : ch === "\r"
          ? "\\r"
          : ch === "\t"
            ? "\\t"
            : code < 0x20 || code === 0x7f
              ? `\\x${code.toString(16).padStart(2, "0")}`
              : (code >= 0x80 && code < 0xa0) ||
                  (code >= 0x200b && code <= 0x200f) ||
                  (code >= 0x202a && code <= 0x202e) ||
                  (code >= 0x2066 && code <= 0x2069) ||
                  code === 0xfeff
                ? `\\u${code.toString(16).padStart(4, "0")}`
                : ch;
    if (out.length + escaped.length > max) return `${out}…`;
    out += escaped;
  }
  return out;
}

/** True when a text has no control characters (C0, DEL, C1): safe to print as one line. */
export function isPrintableLine(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return false;
  }
  return true;
}
