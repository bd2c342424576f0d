/**
 * Registers the site's service worker (when the build made one) and asks it to keep this page
 * and what it loaded; when that is done, the page's "available offline" note appears.
 */
export function enableOffline(root: Document): void {
  const html = root.documentElement;
  const worker = html.dataset.serviceWorker;
  if (!worker || !("serviceWorker" in navigator)) return;
  const note = root.querySelector<HTMLElement>("[data-offline-note]");
  navigator.serviceWorker.addEventListener("message", (event: MessageEvent<{ type?: string; page?: string }>) => {
    if (event.data.type === "kept" && event.data.page === location.href && note) note.hidden = false;
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
  };
  navigator.serviceWorker
    .register(worker, { scope: html.dataset.serviceWorkerScope ?? "/" })
    .then(() => navigator.serviceWorker.ready)
    .then(keep)
    .catch(() => undefined); // offline reading is a convenience: the page works without it
}
