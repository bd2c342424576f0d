import { siteSettings, type SiteSettings } from "./lib/settings.ts";

export { normalizeBase, SettingsError, siteSettings, type SiteSettings } from "./lib/settings.ts";

/** This build's settings. */
export const SITE: SiteSettings = siteSettings(process.env);

/** Sorts locales into the site's order of preference. */
export function orderLocales(locales: readonly string[]): string[] {
  const rank = (l: string) => {
    const i = SITE.localeOrder.indexOf(l);
    return i < 0 ? SITE.localeOrder.length : i;
  };
  return [...locales].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
