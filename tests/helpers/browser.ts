import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { DIST, requireDist } from "./site.ts";
import { serveStatic, type StaticServer } from "./staticServer.ts";

/** Debian's Chromium, which .ci/run installs; tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launch flags for a sandboxed CI machine without network. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Launches Chromium, or fails with what to install: a missing browser is a failure, never a skip. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium and fonts-noto-cjk (apt-get install -y chromium fonts-noto-cjk), as .ci/run does`,
    );
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // Tests route and count the page's requests; the site's service worker would answer some of
  // them itself. Pages run without it unless a test asks for it (the offline test does).
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: "block", ...options });
  browser.newPage = (options = {}) => newPage({ serviceWorkers: "block", ...options });
  return browser;
}

/**
 * Registers a suite's setup: dist/ served on 127.0.0.1 and one Chromium, closed afterwards.
 * The returned object's fields are usable inside tests (they throw if setup failed).
 */
export function browserSuite(root = DIST): { readonly browser: Browser; readonly server: StaticServer } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    requireDist(root);
    server = await serveStatic(root);
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
  };
}

/** Scrolls an interactive figure into view (opening any solution around it) and waits until its code runs. */
export async function activateCell(page: Page, cell: string): Promise<void> {
  await page.evaluate((id) => {
    const figure = document.querySelector(`[data-cell="${id}"]`)!;
    for (let d = figure.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
    figure.scrollIntoView();
  }, cell);
  await page.waitForSelector(`[data-cell="${cell}"][data-active="true"]`, { state: "attached" });
}

/** Brings every interactive figure of the page to life; returns their ids. */
export async function activateAllCells(page: Page): Promise<string[]> {
  const cells = await page.$$eval("figure[data-interactive]", (f) => f.map((x) => x.getAttribute("data-cell") ?? ""));
  for (const id of cells) await activateCell(page, id);
  return cells;
}
