/**
 * Registers the site's service worker (when the build made one) and asks it to keep this page
 * and what it loaded; when that is done, the page's "available offline" note appears. Then it
 * asks it to keep this page in the site's other languages and the chapter's notebook, so a reader
 * offline can switch language and download the notebook.
 */
export function enableOffline(root: Document): void {
  const html = root.documentElement;
  const worker = html.dataset.serviceWorker;
  if (!worker || !("serviceWorker" in navigator)) return;
  const note = root.querySelector<HTMLElement>("[data-offline-note]");
  navigator.serviceWorker.addEventListener("message", (event: MessageEvent<{ type?: string; page?: string }>) => {
    if (event.data.type !== "kept" || event.data.page !== location.href) return;
    if (note) note.hidden = false;
    // Then the offer to keep every file the figures can fetch (src/browser/page/offlineAll.ts).
    const worker = event.source instanceof ServiceWorker ? event.source : navigator.serviceWorker.controller;
    if (worker && root.querySelector("[data-offline-all]")) void import("./offlineAll.ts").then((m) => m.offerEveryFigure(root, worker));
  });
  const keep = (registration: ServiceWorkerRegistration) => {
    const active = registration.active ?? navigator.serviceWorker.controller;
    if (!active) return;
    // The page itself, and the files it loaded before the worker was there (styles, scripts, fonts).
    const loaded = performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((u) => u.startsWith(location.origin) && !u.includes("/pagefind/"));
    active.postMessage({ type: "keep", page: location.href, urls: [location.href, ...loaded] });
    // Then the same chapter in the site's other languages and its notebook (not with Save-Data).
    if ((navigator as { connection?: { saveData?: boolean } }).connection?.saveData) return;
    const more = [
      ...[...root.querySelectorAll<HTMLLinkElement>('link[rel="alternate"][hreflang]')].map((l) => l.href),
      ...[...root.querySelectorAll<HTMLAnchorElement>('a[href$="notebook.ipynb"]')].map((a) => a.href),
    ].filter((u) => u.startsWith(location.origin) && u !== location.href);
    if (more.length) active.postMessage({ type: "keep", page: "", urls: [...new Set(more)] });
  };
  navigator.serviceWorker
    .register(worker, { scope: html.dataset.serviceWorkerScope ?? "/" })
    .then(() => navigator.serviceWorker.ready)
    .then(keep)
    .catch(() => undefined); // offline reading is a convenience: the page works without it
}
