// The course's service worker (the build writes it as sw.js, after a line that defines CONFIG):
// same origin, no third-party code. It keeps what a reader opened readable without a network.
//
// - One cache per course: its name holds the course's base path, so two courses on one origin
//   (a user site at / and a project site at /b/) never touch each other's copies, and a path
//   is this course's only when its first segment is one of the course's own top-level entries.
// - Scripts and styles are kept at install; pages, fonts and data files as they are fetched.
//   Content-addressed files (_astro/, data/<key>/) come from the cache first; pages from the
//   network first, from the cache when there is none.
// - A new deploy (a new VERSION: a hash of every file the site serves) evicts what it no longer
//   lists (scripts, styles, data folders) and refreshes the pages kept, so a page kept before
//   the deploy is shown with the files it now needs.
// - The kept copies are capped (CONFIG.capBytes): past it, the least recently used pages and
//   data files go first; scripts and styles stay while the deploy lists them.
/* global CONFIG */ // defined by the line the build writes first
"use strict";

const {
  base: BASE,
  version: VERSION,
  assets: ASSETS,
  dataKeys: DATA_KEYS,
  entries: ENTRIES,
  capBytes: CAP,
  offlinePages: OFFLINE_PAGES = [],
} = CONFIG;
const CACHE = `course:${BASE}`;
const INDEX_URL = new URL(`${BASE}__offline-index__.json`, self.location.origin).href;
const assetUrls = new Set(ASSETS.map((a) => new URL(BASE + a, self.location.origin).href));
// The offline page of each language (`<locale>/offline/`): shown for a page not kept, when there is no network.
const offlineUrls = OFFLINE_PAGES.map((p) => new URL(BASE + p, self.location.origin).href);
/** What is kept whatever the cap: scripts, styles and the offline pages. */
const pinned = (url) => assetUrls.has(url) || offlineUrls.includes(url);
const dataKeys = new Set(DATA_KEYS);

/** Whether a URL is this course's: same origin, under the base, first segment one of its own. */
function ours(url) {
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return false;
  const first = url.pathname.slice(BASE.length).split("/")[0];
  return first === "" || ENTRIES.includes(first);
}

const immutable = (url) => url.pathname.startsWith(`${BASE}_astro/`) || url.pathname.startsWith(`${BASE}data/`);

// The index of kept entries: URL -> { bytes, used } (for the cap), kept in the cache itself
// with the version of the deploy the copies follow.
let index = null;
let loading = null;
let saving = Promise.resolve();
let waiting = null;

/** The index, read once per run of the worker (every caller gets the same map). */
function loadIndex(cache) {
  loading ??= (async () => {
    const stored = await cache.match(INDEX_URL);
    const json = stored ? await stored.json().catch(() => null) : null;
    index = new Map(Object.entries(json && typeof json.entries === "object" ? json.entries : {}));
    return index;
  })();
  return loading;
}

/**
 * Writes the index, one write at a time. A request made while a write waits its turn joins that
 * write, which takes the index as it is when it starts (with every change made before it): a
 * reader fetching one figure file after another asks for a write each time, and writing the
 * whole index for each (some hundred kilobytes once a chapter is kept) is work for nothing.
 */
function saveIndex(cache) {
  waiting ??= saving
    .catch(() => undefined)
    .then(() => {
      waiting = null;
      const body = JSON.stringify({ version: VERSION, entries: Object.fromEntries(index ?? []) });
      return cache.put(INDEX_URL, new Response(body, { headers: { "content-type": "application/json" } }));
    });
  saving = waiting;
  return waiting;
}

async function sizeOf(response) {
  const length = Number(response.headers.get("content-length"));
  return Number.isFinite(length) && length > 0 ? length : (await response.blob()).size;
}

/**
 * Keeps a response, notes its size and use, then brings the cache back under its cap. Both
 * copies are taken at once, before the caller hands the response to the page.
 */
function keep(cache, request, response) {
  const stored = response.clone();
  const measured = response.clone();
  const url = new URL(typeof request === "string" ? request : request.url, self.location.href).href;
  return (async () => {
    await cache.put(request, stored);
    const entries = await loadIndex(cache);
    entries.set(url, { bytes: await sizeOf(measured), used: Date.now() });
    await enforceCap(cache);
    return saveIndex(cache);
  })();
}

async function touch(cache, url) {
  const entry = (await loadIndex(cache)).get(url);
  if (entry) entry.used = Date.now();
  return saveIndex(cache);
}

async function enforceCap(cache) {
  const entries = await loadIndex(cache);
  let total = [...entries.values()].reduce((sum, e) => sum + e.bytes, 0);
  if (total <= CAP) return;
  const evictable = [...entries].filter(([url]) => !pinned(url)).sort((a, b) => a[1].used - b[1].used);
  for (const [url, entry] of evictable) {
    if (total <= CAP) break;
    await cache.delete(url);
    entries.delete(url);
    total -= entry.bytes;
  }
}

/** Files fetched at once (a browser's connections to one host): the scripts and styles at install, every figure's files when a reader asks. */
const FETCHES_AT_ONCE = 6;

/** Runs `work` on every item, at most `limit` at a time; rejects with the first failure, once every started one has ended. */
async function eachAtMost(limit, items, work) {
  let next = 0;
  const failures = [];
  const lane = async () => {
    while (next < items.length && failures.length === 0) {
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failures.length) throw failures[0];
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await eachAtMost(FETCHES_AT_ONCE, [...assetUrls, ...offlineUrls], async (url) => {
        if (await cache.match(url)) return;
        const response = await fetch(url);
        if (response.ok) await keep(cache, url, response);
      });
      await self.skipWaiting();
    })(),
  );
});

/** After a deploy: drop what the site no longer serves, refresh the pages kept. */
async function refresh() {
  const cache = await caches.open(CACHE);
  const entries = await loadIndex(cache);
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    if (url.href === INDEX_URL) continue;
    const stale =
      (url.pathname.startsWith(`${BASE}_astro/`) && !assetUrls.has(url.href)) ||
      (url.pathname.startsWith(`${BASE}data/`) && !dataKeys.has(url.pathname.slice(`${BASE}data/`.length).split("/")[0]));
    if (stale || !ours(url)) {
      await cache.delete(request);
      entries.delete(url.href);
    } else if (!immutable(url)) {
      try {
        const response = await fetch(request, { cache: "no-cache" });
        if (response.ok) await keep(cache, request, response);
        else if (response.status === 404) {
          await cache.delete(request);
          entries.delete(url.href);
        }
      } catch {
        // No network now: the page kept stays as it is.
      }
    }
  }
  for (const url of [...entries.keys()]) if (!(await cache.match(url))) entries.delete(url);
  await enforceCap(cache);
  await saveIndex(cache);
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Caches of this worker's earlier versions, which named caches course-<version>: only those
      // holding nothing but this course's files (another course's are its own).
      for (const name of await caches.keys()) {
        if (!/^course-[0-9a-f]{12}$/.test(name)) continue;
        const old = await caches.open(name);
        const urls = (await old.keys()).map((r) => new URL(r.url));
        if (urls.every(ours)) await caches.delete(name);
      }
      await refresh();
      await self.clients.claim();
    })(),
  );
});

async function cacheFirst(event, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) {
    event.waitUntil(touch(cache, new URL(request.url).href));
    return hit;
  }
  const response = await fetch(request);
  if (response.ok) event.waitUntil(keep(cache, request, response));
  return response;
}

async function networkFirst(event, request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) event.waitUntil(keep(cache, request, response));
    return response;
  } catch (error) {
    const hit = (await cache.match(request)) ?? (await cache.match(request, { ignoreSearch: true }));
    if (hit) {
      event.waitUntil(touch(cache, new URL(hit.url || request.url).href));
      return hit;
    }
    // A page never kept: the offline page in the language its path names (else the first), which lists what is.
    if (request.mode === "navigate" && offlineUrls.length) {
      const first = new URL(request.url).pathname.slice(BASE.length).split("/")[0];
      const page = offlineUrls.find((u) => new URL(u).pathname === `${BASE}${first}/offline/`) ?? offlineUrls[0];
      const offline = await cache.match(page);
      if (offline) return offline;
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !ours(url) || url.href === INDEX_URL) return;
  event.respondWith(immutable(url) ? cacheFirst(event, request) : networkFirst(event, request));
});

/** The pages kept (not scripts, data or the offline pages): address, <title> as written, language. */
async function keptPages() {
  const cache = await caches.open(CACHE);
  const pages = [];
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    if (!ours(url) || !url.pathname.endsWith("/") || offlineUrls.includes(url.href)) continue;
    const response = await cache.match(request);
    if (!response || !(response.headers.get("content-type") ?? "").includes("html")) continue;
    const head = (await response.text()).slice(0, 8192);
    pages.push({
      url: url.href,
      title: /<title>([^<]*)<\/title>/.exec(head)?.[1] ?? "",
      lang: /<html[^>]*\slang="([A-Za-z0-9-]+)"/.exec(head)?.[1] ?? "",
    });
  }
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

self.addEventListener("message", (event) => {
  const data = event.data;
  if (data && data.type === "list") {
    event.waitUntil(keptPages().then((pages) => event.source && event.source.postMessage({ type: "kept-pages", pages })));
    return;
  }
  if (!data || data.type !== "keep" || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === "string" && ours(new URL(u, self.location.href)));
  const reply = (type) => event.source && event.source.postMessage({ type, page: data.page });
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const entries = await loadIndex(cache);
      // Each file kept and noted, a few at a time (one by one, a phone's round trips add up to
      // minutes over a chapter's thousand files); the cap enforced and the index saved once for
      // the whole batch (also when a file could not be fetched: what was kept stays counted).
      const keepOne = async (u) => {
        const url = new URL(u, self.location.href).href;
        if (await cache.match(u)) {
          const entry = entries.get(url);
          if (entry) entry.used = Date.now();
          return;
        }
        const response = await fetch(u);
        if (!response.ok) return; // not the site's any more (a network failure throws: not kept)
        const measured = response.clone();
        await cache.put(u, response);
        entries.set(url, { bytes: await sizeOf(measured), used: Date.now() });
      };
      try {
        await eachAtMost(FETCHES_AT_ONCE, urls, keepOne);
      } finally {
        await enforceCap(cache);
        await saveIndex(cache);
      }
    })().then(
      () => reply("kept"),
      () => reply("not-kept"),
    ),
  );
});
