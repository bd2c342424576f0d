/**
 * The best of a site's locales for a reader who asks for `wanted` (the browser's languages, most
 * wanted first), or undefined when none will do. For each wanted language in turn: the same tag
 * (in any case, `_` for `-`), then the same language, script and region once CLDR's likely
 * subtags are filled in (`zh-TW` is `zh-Hant-TW`), then the same language in the same script
 * (`zh-HK` reads `zh-Hant-TW`, never `zh-Hans`; `pt` reads `pt-BR`). A later wanted language
 * that matches exactly never beats an earlier one that matches at all.
 */
export function bestLocale(wanted: readonly string[], offered: readonly string[]): string | undefined {
  const full = offered.map((tag) => ({ tag, likely: likely(tag) }));
  for (const ask of wanted) {
    const clean = ask.trim().replace(/_/g, "-").toLowerCase();
    const exact = offered.find((tag) => tag.toLowerCase() === clean);
    if (exact) return exact;
    const asked = likely(clean);
    if (!asked) continue;
    const same = full.find((o) => o.likely?.baseName === asked.baseName);
    if (same) return same.tag;
    const script = full.find((o) => o.likely?.language === asked.language && o.likely.script === asked.script);
    if (script) return script.tag;
  }
  return undefined;
}

function likely(tag: string): Intl.Locale | null {
  try {
    return new Intl.Locale(tag).maximize();
  } catch {
    return null;
  }
}
