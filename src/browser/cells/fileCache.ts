/** Every file fetched on this page, by address: each is fetched once, whichever figure asks (and whether to use it or ahead of use). */
const fetched = new Map<string, Promise<ArrayBuffer>>();

/** A file of the course's data, fetched once per page; a failed fetch is forgotten, so a later ask tries again. */
export function fetchOnce(url: string): Promise<ArrayBuffer> {
  let pending = fetched.get(url);
  if (!pending) {
    pending = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
      return r.arrayBuffer();
    });
    pending.catch(() => fetched.delete(url));
    fetched.set(url, pending);
  }
  return pending;
}
