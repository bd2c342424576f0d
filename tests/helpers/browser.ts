import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { activateAllCells, activateCell, CHROMIUM, TEST_CHROMIUM_ARGS } from "../../scripts/lib/chromium.ts";
import { site, type SiteName } from "./sites.ts";
import { serveStatic, type StaticServer } from "../../scripts/lib/staticServer.ts";

export { CHROMIUM };

/**
 * The run's shared Chromium (tests/setup/browser.ts starts it; this connects), or one launched
 * here when there is none; a missing browser is a failure with what to install, never a skip.
 */
export async function launchChromium(): Promise<Browser> {
  const endpoint = inject("chromiumEndpoint") as string | undefined;
  if (!endpoint && !existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium and fonts-noto-cjk (apt-get install -y chromium fonts-noto-cjk), as .ci/run does`,
    );
  }
  const browser = endpoint
    ? await chromium.connect(endpoint)
    : await chromium.launch({ executablePath: CHROMIUM, args: TEST_CHROMIUM_ARGS });
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
 * and the shared Chromium, closed afterwards. The returned object's fields are usable inside
 * tests (they throw if setup failed).
 */
export function browserSuite(name: SiteName = "default"): {
  readonly browser: Browser;
  readonly server: StaticServer;
  readonly dir: string;
} {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  let dir = "";
  beforeAll(async () => {
    dir = (await site(name)).dist;
    server = await serveStatic(dir);
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
  };
}

export { activateAllCells, activateCell };
