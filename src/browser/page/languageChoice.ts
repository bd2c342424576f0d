import { bestLocale } from "../../lib/locale/bestLocale.ts";

/**
 * The site's root lists its languages (readers without JavaScript choose there); with
 * JavaScript, a reader arriving from elsewhere is sent to the language their browser asks for
 * first, when the site has it. A reader who came from a page of this site chose to see the list,
 * and stays on it.
 */
export function sendToBestLocale(doc: Document, languages: readonly string[] = navigator.languages): void {
  const links = [...doc.querySelectorAll<HTMLAnchorElement>("[data-language-choice] a[hreflang]")];
  if (URL.canParse(doc.referrer) && new URL(doc.referrer).origin === doc.location.origin) return;
  const best = bestLocale(
    languages,
    links.map((a) => a.hreflang),
  );
  const link = links.find((a) => a.hreflang === best);
  if (link) doc.location.replace(link.href);
}
