/** Python's `inspect.cleandoc`: strip the first line, dedent the rest by their common indent. */
export function cleandoc(doc: string): string {
  const lines = doc.replace(/\t/g, "        ").split("\n");
  const first = lines[0]!.trimStart();
  const rest = lines.slice(1);
  const indents = rest.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length);
  const margin = indents.length ? Math.min(...indents) : 0;
  const body = rest.map((l) => l.slice(margin).trimEnd());
  const all = [first, ...body];
  while (all.length && all[0] === "") all.shift();
  while (all.length && all[all.length - 1] === "") all.pop();
  return all.join("\n");
}

/**
 * What `help(fn)` prints for a function defined in a notebook (module `__main__`): the header,
 * the signature, and the cleaned docstring indented by four spaces, as pydoc's TextDoc does.
 */
export function pydocHelp(name: string, args: string, docstring: string): string {
  const body = cleandoc(docstring)
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
  return `Help on function ${name} in module __main__:\n\n${name}(${args})\n${body}\n\n`;
}
