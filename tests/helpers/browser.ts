import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { activateAllCells, activateCell, chromiumLaunchOptions, TEST_CHROMIUM_ARGS } from "../../scripts/lib/chromium.ts";
import { site, type SiteName } from "./sites.ts";
import { serveStatic, type StaticServer } from "../../scripts/lib/staticServer.ts";

/**
 * The run's shared Chromium (tests/setup/browser.ts starts it; this connects), or one launched
 * here when there is none; a missing browser is a failure with what to install, never a skip.
 */
export async function launchChromium(): Promise<Browser> {
  const endpoint = inject("chromiumEndpoint") as string | undefined;
  const browser = endpoint ? await chromium.connect(endpoint) : await chromium.launch(chromiumLaunchOptions(TEST_CHROMIUM_ARGS));
  // Tests route and count the page's requests; the site's service worker would answer some of
  // them itself. Pages run without it unless a test asks for it (the offline test does).
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: "block", ...options });
  browser.newPage = (options = {}) => newPage({ serviceWorkers: "block", ...options });
  return browser;
}

/**
 * Registers a suite's setup: a built site (the course's own by default) served on 127.0.0.1
 * under the base path it was built for, and the shared Chromium, closed afterwards. The
 * returned object's fields are usable inside tests (they throw if setup failed).
 */
export function browserSuite(name: SiteName = "default"): {
  readonly browser: Browser;
  readonly server: StaticServer;
  readonly dir: string;
  /** The origin and base path the site's pages are under (`http://127.0.0.1:<port>/`, or `.../course/`). */
  readonly root: string;
} {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  let dir = "";
  let base = "/";
  beforeAll(async () => {
    ({ dist: dir, base } = await site(name));
    server = await serveStatic(dir, base);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("the browser did not start");
      return browser;
    },
    get server() {
      if (!server) throw new Error("the static server did not start");
      return server;
    },
    get dir() {
      if (!dir) throw new Error("the site was not built");
      return dir;
    },
    get root() {
      return this.server.origin + base;
    },
  };
}

export { activateAllCells, activateCell };

/**
 * Takes a context off the network with the browser's HTTP cache emptied, so that only the
 * site's service worker and its copies can answer (the test server lets the browser cache the
 * content-hashed scripts and data, as hosts do, which would otherwise answer offline too).
 */
export async function goOffline(context: BrowserContext): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.clearBrowserCache");
  await cdp.detach();
  await context.setOffline(true);
}

/** The events a test may listen to on a page; a reused page forgets the previous test's listeners. */
const PAGE_EVENTS = ["console", "pageerror", "request", "requestfinished", "requestfailed", "response", "dialog", "popup"] as const;

/** How a reused page loads: what to wait for, and what to do on it first (listen to its events). */
interface Loading {
  readonly waitUntil?: "load" | "domcontentloaded" | "networkidle" | "commit";
  readonly before?: (page: Page) => unknown;
  /**
   * A reader's first visit: a new page in a new context (nothing in the browser's caches, the
   * renderer's own included). Without it, the content-hashed scripts and data a previous test
   * loaded come from the cache (the test server lets them be cached as hosts do), as for a
   * returning reader: a test about what a page fetches when a reader arrives asks for a first visit.
   */
  readonly firstVisit?: boolean;
}

/**
 * Pages a test file reuses: one per set of context options, navigated for each test instead of
 * opened anew. Opening a page starts a renderer process, about half a second of processor time
 * before the page does anything (a test's page load itself takes one to two): on this
 * project's two-core machines that is a fifth of the browser tests' time. Each `open` puts
 * the page back as a new one would be: the previous test's listeners and routes removed, the
 * media emulation and viewport of its options, the origin's storage (a remembered theme, a
 * cache) cleared, and the address loaded as a new document. A test that needs a context of its
 * own (offline, permissions, a service worker) opens one as before.
 */
export function reusedPages(browser: () => Browser): {
  open(url: string, options?: BrowserContextOptions, loading?: Loading): Promise<Page>;
  close(): Promise<void>;
} {
  const pages = new Map<string, Promise<Page>>();
  const pageFor = (options: BrowserContextOptions): Promise<Page> => {
    const key = JSON.stringify(options);
    let page = pages.get(key);
    if (!page) {
      page = browser().newPage(options);
      pages.set(key, page);
    }
    return page;
  };
  return {
    async open(url, options = {}, { waitUntil = "load", before, firstVisit = false } = {}) {
      let page = await pageFor(options);
      if (firstVisit && !page.isClosed()) await page.context().close();
      if (page.isClosed()) {
        pages.delete(JSON.stringify(options));
        page = await pageFor(options);
      }
      for (const event of PAGE_EVENTS) page.removeAllListeners(event);
      await page.unrouteAll({ behavior: "ignoreErrors" });
      await page.context().setOffline(false);
      await page.emulateMedia({
        media: null,
        colorScheme: options.colorScheme ?? null,
        reducedMotion: options.reducedMotion ?? null,
        forcedColors: options.forcedColors ?? null,
      });
      await page.setViewportSize(options.viewport ?? { width: 1280, height: 720 });
      const origin = new URL(url).origin;
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Storage.clearDataForOrigin", {
        origin,
        storageTypes: "local_storage,session_storage,indexeddb,cache_storage,service_workers,cookies",
      });
      await cdp.detach();
      await before?.(page);
      // A new document even when only the fragment differs (that would be a scroll, not a load).
      const withoutFragment = (u: string) => u.replace(/#.*$/, "");
      const again = withoutFragment(page.url()) === withoutFragment(url) && url.includes("#");
      await page.goto(url, { waitUntil });
      if (again) await page.reload({ waitUntil });
      return page;
    },
    async close() {
      for (const page of pages.values()) await (await page).close();
      pages.clear();
    },
  };
}
