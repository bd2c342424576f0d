/** A JSX component used in an MDX section, with its props as written. */
export interface ComponentUse {
  readonly name: string;
  readonly props: Readonly<Record<string, string>>;
  /** 1-based line in the file. */
  readonly line: number;
}

const TAG = /<([A-Z][A-Za-z0-9]*)((?:\s+[A-Za-z_][\w-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{[^}]*\}))?)*)\s*\/?>/g;
const PROP = /([A-Za-z_][\w-]*)(?:\s*=\s*("[^"]*"|'[^']*'|\{[^}]*\}))?/g;

/** Reads a prop's value as written: quotes removed, `{...}` kept as an expression. */
function propValue(raw: string | undefined): string {
  if (raw === undefined) return "true";
  if (raw.startsWith('"') || raw.startsWith("'")) return raw.slice(1, -1);
  const inner = raw.slice(1, -1).trim();
  // {"text"} and {'text'} mean the same as "text".
  return /^(["']).*\1$/.test(inner) ? inner.slice(1, -1) : `{${inner}}`;
}

/** The text with fenced code blanked out (newlines kept), so tags in code are not components. */
function maskFences(text: string): string {
  let inFence = false;
  return text
    .split("\n")
    .map((line) => {
      const fence = /^\s*(```|~~~)/.test(line);
      if (fence) inFence = !inFence;
      return inFence || fence ? " ".repeat(line.length) : line;
    })
    .join("\n");
}

/** Every component (capitalised tag) in a piece of MDX outside code fences, in order; tags may span lines. */
export function componentsIn(text: string, firstLine = 1): ComponentUse[] {
  const masked = maskFences(text);
  const uses: ComponentUse[] = [];
  for (const m of masked.matchAll(TAG)) {
    const props: Record<string, string> = {};
    for (const p of (m[2] ?? "").matchAll(PROP)) props[p[1]!] = propValue(p[2]);
    const line = firstLine + (masked.slice(0, m.index).match(/\n/g)?.length ?? 0);
    uses.push({ name: m[1]!, props, line });
  }
  return uses;
}

/** A component use as one comparable string: name and props sorted. */
export function componentKey(use: ComponentUse, ignore: readonly string[] = []): string {
  const props = Object.entries(use.props)
    .filter(([k]) => !ignore.includes(k))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `<${use.name}${props.length ? ` ${props.join(" ")}` : ""}>`;
}
