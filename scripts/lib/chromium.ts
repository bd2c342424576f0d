import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

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

/**
 * The same flags for tests: scrolls jump instead of gliding. The site scrolls smoothly (CSS
 * scroll-behavior) when a reader has not asked for reduced motion; every scroll a test makes
 * (bringing a figure into view, following a contents link) would animate for about half a
 * second, redrawing the page each frame: half of a browser test's time and a fifth of its
 * processor time. No test is about how a scroll looks; the measuring commands keep the
 * browser as readers have it.
 */
export const TEST_CHROMIUM_ARGS = [...CHROMIUM_ARGS, "--disable-smooth-scrolling"];

/** Debian's Chromium launched headless, or a clear error saying what to install (never a download). */
export async function launchDebianChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium and fonts-noto-cjk (apt-get install -y chromium fonts-noto-cjk), as .ci/run does`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
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
