/**
 * A figure's SVG as the page draws it, made to stand alone (in a notebook, a file, an `<img>`):
 * the SVG namespace declared, the colours the site's CSS gives its custom properties written on
 * the figure itself (`--plot-c0: #1f77b4`, …), and a font family where the page's is inherited.
 * The drawing itself is unchanged.
 */
export function standaloneSvg(svg: string, colours: Readonly<Record<string, string>>): string {
  const vars = Object.entries(colours)
    .map(([name, value]) => `${name}:${value}`)
    .join(";");
  return svg.replace(/^<svg\b([^>]*)>/, (_, attrs: string) => {
    let a = attrs.includes("xmlns=") ? attrs : ` xmlns="http://www.w3.org/2000/svg"${attrs}`;
    a = a.includes('style="')
      ? a.replace(
          /style="([^"]*)"/,
          (__, style: string) => `style="${vars};${style.replace(/font-family:inherit/g, "font-family:system-ui, sans-serif")}"`,
        )
      : `${a} style="${vars}"`;
    return `<svg${a}>`;
  });
}

/**
 * A figure as the page draws it (an SVG, or Plot's `<figure>` holding a legend and the SVG), made
 * to stand alone: the SVG always (for `image/svg+xml`), and the whole figure as HTML when it is
 * more than the SVG (for `text/html`: legend included), its colours written on it.
 */
export function standaloneDrawing(drawing: string, colours: Readonly<Record<string, string>>): { svg: string; html?: string } {
  if (drawing.startsWith("<svg")) return { svg: standaloneSvg(drawing, colours) };
  const plot = /<svg\b[^>]*\bclass="plot-[0-9a-z]+"[^>]*>[\s\S]*?<\/svg>/.exec(drawing)?.[0] ?? "";
  const vars = Object.entries(colours)
    .map(([name, value]) => `${name}:${value}`)
    .join(";");
  const html = drawing.replace(/^<figure\b([^>]*)>/, (_, attrs: string) =>
    attrs.includes('style="') ? `<figure${attrs.replace(/style="/, `style="${vars};`)}>` : `<figure${attrs} style="${vars}">`,
  );
  return { svg: standaloneSvg(plot, colours), html };
}

/** The custom properties (`--name: value`) of the first `:root { … }` rule of a stylesheet: its light scheme. */
export function rootCustomProperties(css: string, names: RegExp): Record<string, string> {
  const root = /(^|\n):root\s*\{([^}]*)\}/.exec(css)?.[2] ?? "";
  const out: Record<string, string> = {};
  for (const m of root.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) if (names.test(m[1]!)) out[m[1]!] = m[2]!.trim().replace(/"/g, "'");
  return out;
}
