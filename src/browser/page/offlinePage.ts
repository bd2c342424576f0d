/** A page the service worker keeps: its address, its title (as the page's HTML writes it) and its language. */
interface KeptPage {
  readonly url: string;
  readonly title: string;
  readonly lang: string;
}

/** Text of a fragment of HTML (a kept page's <title>, entities and all), never markup. */
const textOf = (html: string): string => new DOMParser().parseFromString(html, "text/html").documentElement.textContent;

/**
 * Fills the offline page's list with the pages this device keeps (the service worker answers
 * `kept-pages` with them), each a link that opens without a network; says so when there are none.
 */
export function listKeptPages(root: Document): void {
  const list = root.querySelector<HTMLElement>("[data-offline-kept]");
  const none = root.querySelector<HTMLElement>("[data-offline-none]");
  if (!list || !none || !("serviceWorker" in navigator)) return;
  const show = (pages: readonly KeptPage[]) => {
    list.replaceChildren(
      ...pages.map((p) => {
        const item = root.createElement("li");
        const link = root.createElement("a");
        link.href = p.url;
        link.textContent = textOf(p.title) || new URL(p.url).pathname;
        if (p.lang) link.lang = p.lang;
        item.append(link);
        return item;
      }),
    );
    none.hidden = pages.length > 0;
  };
  navigator.serviceWorker.addEventListener("message", (event: MessageEvent<{ type?: string; pages?: KeptPage[] }>) => {
    if (event.data.type === "kept-pages" && Array.isArray(event.data.pages)) show(event.data.pages);
  });
  void navigator.serviceWorker.ready.then((registration) => {
    (registration.active ?? navigator.serviceWorker.controller)?.postMessage({ type: "list" });
  });
}
