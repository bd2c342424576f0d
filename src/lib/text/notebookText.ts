/**
 * The two places an exported notebook puts contributed text, each with its one rule: a
 * markdown cell (CommonMark, as Jupyter and Colab render it) and a line of Python (a comment,
 * such as a form cell's `# @title`). Text goes through these and nothing else, so a title, a
 * name or a translated UI string arrives as the text it is, never as markup or code.
 */

// Every character an editor or Python may take for the end of a line (str.splitlines: \n \r
// \v \f \x1c-\x1e \x85 U+2028 U+2029), every other control character, and the marks that
// reorder what a reader sees (bidirectional overrides, zero-width joiners at an edge).
// eslint-disable-next-line no-control-regex -- control characters are what this rule removes
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

/** Text as one line: line breaks, control and reordering characters each become one space. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKING, " ");
}

/** Text to follow `# ` in Python: one line, so nothing after it is ever code. */
export function pythonCommentText(text: string): string {
  return oneLine(text).trim();
}

/**
 * Text as CommonMark text inside a line: every ASCII punctuation character a renderer reads as
 * markup escaped with a backslash (`<` and `&` included, so no tag or entity is formed; `$` so
 * Jupyter's maths does not start; what GFM would make a link of by itself), line breaks
 * flattened, and a line that would open a block (a heading, a list item, a rule) escaped at its start.
 */
export function markdownText(text: string): string {
  const escaped = oneLine(text)
    .replace(/[\\`*_[\]<>&|~$@]/g, "\\$&")
    // GFM's autolinks (https://…, www.…, a@b.c) are links without brackets: text stays text.
    .replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/gi, "$1\\:")
    .replace(/\bwww\./gi, "www\\.");
  return escaped.replace(/^(\s*)([-+=#])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
}

/**
 * A translated or contributed message as CommonMark text, where a parameter's value is markup
 * of the export's own (a code span, a number): the message is escaped around it.
 */
export function markdownMessage(format: (params: Record<string, string>) => string, markup: Record<string, string>): string {
  // Placeholders that cannot occur in text and that escaping leaves alone.
  const marks = Object.keys(markup).map((_, i) => `\uE000${i}\uE001`);
  const text = markdownText(format(Object.fromEntries(Object.keys(markup).map((k, i) => [k, marks[i]!]))));
  return Object.values(markup).reduce((out, value, i) => out.split(marks[i]!).join(value), text);
}
