import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { activateAllCells, browserSuite } from "../helpers/browser.ts";

const env = browserSuite();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const PAGES = ["/", "/ja/", "/en/", "/ja/w1d1/tutorial1/", "/en/w1d1/tutorial1/", "/404.html"];

/** Opens every solution and brings every interactive figure to life, so axe sees all of it. */
async function activateAll(page: Page): Promise<void> {
  await activateAllCells(page);
  await page.$$eval("details", (ds) => {
    ds.forEach((d) => (d.open = true));
  });
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(o: object): Promise<{ violations: AxeViolation[] }> } }).axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations;
  });
  return violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join("; ")})`,
  );
}

describe("accessibility (axe-core, WCAG 2.1 A/AA and best practices)", () => {
  for (const scheme of ["light", "dark"] as const) {
    for (const path of PAGES) {
      it(`${path} in ${scheme} mode, every figure active: no violations`, async () => {
        const context = await env.browser.newContext({ colorScheme: scheme, bypassCSP: true, viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(env.server.origin + path, { waitUntil: "networkidle" });
        await activateAll(page);
        expect(await axe(page)).toEqual([]);
        await context.close();
      });
    }
  }
});

describe("Content-Security-Policy", () => {
  it("is strict: scripts from the site and hashes only", async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.origin}/en/w1d1/tutorial1/`);
    const policy = (await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content")) ?? "";
    const scriptSrc = /script-src ([^;]+)/.exec(policy)?.[1] ?? "";
    expect(scriptSrc).toMatch(/^'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'$/);
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).toContain("object-src 'none'");
    await page.close();
  });

  for (const path of PAGES) {
    it(`${path}: loads, runs every figure, searches and plays a video without a violation`, async () => {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
      await page.addInitScript(() => {
        const w = window as unknown as { cspViolations: string[] };
        w.cspViolations = [];
        document.addEventListener("securitypolicyviolation", (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(env.server.origin + path, { waitUntil: "networkidle" });
      await activateAll(page);
      if (await page.$("#isi-function-explorer-exp_scale")) {
        await page.focus("#isi-function-explorer-exp_scale");
        await page.keyboard.press("ArrowRight");
      }
      if (await page.isVisible("#site-search")) {
        await page.fill("#site-search", "spike");
        await page.waitForSelector(".search-results .search-count");
      }
      if (await page.$("a.video-facade")) {
        await page.click('#video-1 .video-panel[data-source="youtube"] a.video-facade');
        await page.waitForSelector("#video-1 iframe", { state: "attached" });
      }
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
      await context.close();
    });
  }
});

describe("keyboard", () => {
  for (const locale of ["ja", "en"]) {
    it(`${locale}: Tab reaches every control of the chapter in document order, each with a visible focus`, async () => {
      const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${env.server.origin}/${locale}/w1d1/tutorial1/`, { waitUntil: "networkidle" });
      await activateAll(page);
      // An explicit starting point for sequential focus: a focused element at the very start of
      // the page that is not itself a tab stop. (Where blur() leaves the starting point differs
      // between browser builds.) The first Tab then goes to the first tab stop of the page.
      await page.evaluate(() => {
        const start = document.createElement("span");
        start.id = "walk-start";
        start.tabIndex = -1;
        document.body.prepend(start);
        start.focus();
        window.scrollTo(0, 0);
      });
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("walk-start");
      // The tab stops: every visible control, one per radio group (its checked radio; arrows move within).
      const stops = await page.$$eval("a[href], button, input, summary, [tabindex='0']", (els) =>
        els
          .filter((e) => !(e as HTMLButtonElement).disabled && !(e as HTMLElement).hidden && (e as HTMLElement).offsetParent !== null)
          .filter((e) => !(e instanceof HTMLInputElement && e.type === "radio" && !e.checked))
          .map((e) => [...document.querySelectorAll("*")].indexOf(e)),
      );
      const visited: { index: number; outline: string }[] = [];
      for (let i = 0; i < stops.length + 5; i++) {
        await page.keyboard.press("Tab");
        const step = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          return { index: [...document.querySelectorAll("*")].indexOf(el), outline: `${style.outlineStyle} ${style.outlineWidth}` };
        });
        if (!step) break;
        if (visited.length && step.index <= visited[visited.length - 1]!.index) break; // wrapped around
        visited.push(step);
      }
      // Every stop is reached, in document order (no positive tabindex jumps), and shows where it is.
      expect(visited.map((v) => v.index)).toEqual(stops);
      for (const v of visited) expect(v.outline).not.toMatch(/^none|0px$/);
      await page.close();
    });
  }

  it("respects prefers-reduced-motion", async () => {
    const context = await env.browser.newContext({ reducedMotion: "reduce" });
    const page = await context.newPage();
    await page.goto(`${env.server.origin}/en/w1d1/tutorial1/`);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("auto");
    await context.close();
  });
});
