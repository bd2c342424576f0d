import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type LaunchOptions, type Page } from "playwright-core";

/** Debian's Chromium, which .ci/run installs; tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Starts CHROMIUM with the --disable-features lists it is given joined (Chromium keeps only the last). */
const WITH_FEATURES_JOINED = join(import.meta.dirname, "chromium-features.sh");

/** Launch flags for a sandboxed CI machine without network. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  // The address bar's popup, a page of Chromium's own (chrome://omnibox-popup.top-chrome/) that
  // each new window loads in a renderer of its own: about 0.8 s of processor time per browser
  // context (a test's fresh context, a reader's new window), none of it for our pages. Joined to
  // Playwright's own list (WITH_FEATURES_JOINED); a name a build does not know is ignored.
  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
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

/**
 * How to launch Debian's Chromium with `args`, or a clear error saying what to install (never a
 * download). Chromium is started through WITH_FEATURES_JOINED, which hands it Playwright's
 * --disable-features and ours as one list.
 */
export function chromiumLaunchOptions(args: readonly string[] = CHROMIUM_ARGS): LaunchOptions {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium and fonts-noto-cjk (apt-get install -y chromium fonts-noto-cjk), as .ci/run does`,
    );
  return { executablePath: WITH_FEATURES_JOINED, args: [...args], env: { ...process.env, CHROMIUM_PATH: CHROMIUM } };
}

/** Debian's Chromium launched headless, or a clear error saying what to install. */
export async function launchDebianChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
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
