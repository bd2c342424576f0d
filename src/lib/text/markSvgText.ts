/** Escapes text as it appears in serialised SVG/HTML text content. */
const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Marks the text elements of a serialised SVG that hold one of `texts` (an axis label, a
 * legend entry) as being in `lang`: `<text>`/`<tspan>` leaves whose content contains it get a
 * `lang` attribute. Nothing else changes; an element that already says its language keeps it.
 */
export function markSvgText(svg: string, texts: ReadonlySet<string>, lang: string): string {
  if (texts.size === 0) return svg;
  const needles = [...texts].filter((t) => t.trim()).map(escapeXml);
  return svg.replace(/<(text|tspan)(\s[^>]*)?>([^<]*)<\/\1>/g, (all, tag: string, attrs: string | undefined, content: string) => {
    if (!content || (attrs ?? "").includes(" lang=") || !needles.some((n) => content.includes(n))) return all;
    return `<${tag}${attrs ?? ""} lang="${lang}">${content}</${tag}>`;
  });
}
