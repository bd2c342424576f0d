import { fillTemplate } from "../../lib/text/template.ts";

/** A file set's list of itself (`<folder>_files.json`, written by the build). */
interface FileList {
  readonly files: readonly string[];
  readonly bytes: number;
}

/** Files sent to the worker at a time: each batch answered before the next, so progress can be said. */
const BATCH = 40;

/** A folder's list: as this device keeps it, else from the network (none without one: nothing could be kept then). */
async function listOf(folder: string): Promise<FileList | null> {
  try {
    const url = new URL(`${folder}_files.json`, location.href).href;
    const kept = "caches" in window ? await caches.match(url) : undefined;
    if (!kept && !navigator.onLine) return null;
    const response = kept ?? (await fetch(url));
    const list = (response.ok ? await response.json() : null) as Partial<FileList> | null;
    return list && Array.isArray(list.files) && typeof list.bytes === "number"
      ? { files: list.files.filter((f): f is string => typeof f === "string"), bytes: list.bytes }
      : null;
  } catch {
    return null;
  }
}

/**
 * Offers, once the chapter is kept, to keep every file its figures can fetch (its file sets, as
 * their lists name them), so that every control works offline, not only the views the reader
 * opened: the size is said first, nothing is fetched before the reader asks, and a set larger
 * than the site keeps on a device (the worker's cap) is not offered. Progress is said as files
 * arrive; the worker keeps them as it keeps the rest (under its cap, least recently used first).
 */
export async function offerEveryFigure(root: Document, worker: ServiceWorker): Promise<void> {
  const box = root.querySelector<HTMLElement>("[data-offline-all]");
  const button = box?.querySelector<HTMLButtonElement>("button");
  const status = box?.querySelector<HTMLElement>("[role=status]");
  if (!box || !button || !status) return;
  const text = box.dataset;
  const folders = (text.offlineAll ?? "").split(" ").filter(Boolean);
  const lists = await Promise.all(folders.map(listOf));
  const urls: string[] = [];
  let bytes = 0;
  lists.forEach((list, i) => {
    if (!list) return;
    bytes += list.bytes;
    for (const name of list.files) urls.push(new URL(folders[i]! + name, location.href).href);
  });
  if (urls.length === 0) return;
  const size = (n: number) =>
    new Intl.NumberFormat(root.documentElement.lang || undefined, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }).format(
      n / 1e6,
    );
  box.hidden = false;
  // Kept on an earlier visit: said, not offered again.
  if (await everyKept(urls)) {
    status.textContent = text.kept ?? "";
    return;
  }
  if (bytes > Number(text.cap)) {
    status.textContent = fillTemplate(text.tooMuch ?? "", { size: size(bytes), cap: size(Number(text.cap)) });
    return;
  }
  button.textContent = fillTemplate(text.keep ?? "", { size: size(bytes) });
  button.hidden = false;
  button.addEventListener(
    "click",
    () => {
      button.hidden = true;
      void keepAll(worker, urls, (done, total) => {
        status.textContent = fillTemplate(text.keeping ?? "", { done, total });
      }).then((done) => {
        status.textContent = done === urls.length ? (text.kept ?? "") : fillTemplate(text.notAll ?? "", { done, total: urls.length });
      });
    },
    { once: true },
  );
}

/**
 * Whether this device keeps every one of the files already (the worker's caches, read from the
 * page): each cache's list read once, not a lookup per file (a chapter's sets are over a
 * thousand files: one by one, a loaded phone took seconds to say they were kept).
 */
async function everyKept(urls: readonly string[]): Promise<boolean> {
  if (!("caches" in window)) return false;
  const kept = new Set<string>();
  for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) kept.add(request.url);
  return urls.every((url) => kept.has(url));
}

/** Sends the files to the worker in batches; resolves with how many it kept. */
async function keepAll(worker: ServiceWorker, urls: readonly string[], progress: (done: number, total: number) => void): Promise<number> {
  let done = 0;
  for (let at = 0; at < urls.length; at += BATCH) {
    const batch = urls.slice(at, at + BATCH);
    const page = `every-figure:${at}`;
    const answer = new Promise<string>((resolve) => {
      const listen = (event: MessageEvent<{ type?: string; page?: string }>) => {
        if (event.data.page !== page) return;
        navigator.serviceWorker.removeEventListener("message", listen);
        resolve(event.data.type ?? "");
      };
      navigator.serviceWorker.addEventListener("message", listen);
    });
    worker.postMessage({ type: "keep", page, urls: batch });
    if ((await answer) !== "kept") break;
    done += batch.length;
    progress(done, urls.length);
  }
  return done;
}
