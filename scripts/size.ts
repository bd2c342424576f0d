import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { activateAllCells, launchChromium } from "../tests/helpers/browser.ts";
import { serveStatic } from "../tests/helpers/staticServer.ts";
import { runCli } from "./cli.ts";

const USAGE = "usage: npm run size   (measures dist/ in headless Chromium; run npm run build first)";

/** Budgets per page, gzip bytes (the chapter issue and the explorer issue set them). */
const BUDGET = { html: 200 * 1024, jsBefore: 15 * 1024, jsActive: 100 * 1024 };

type Kind = "script" | "stylesheet" | "font";

function pages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".html") && !/^(data|pagefind|_astro)\//.test(path))
    .map((path) => `/${path.replace(/index\.html$/, "")}`)
    .sort();
}

/** Files of each kind the page loads, by path. */
function track(page: Page, origin: string): Record<Kind, Set<string>> {
  const seen: Record<Kind, Set<string>> = { script: new Set(), stylesheet: new Set(), font: new Set() };
  page.on("requestfinished", (r) => {
    const kind = r.resourceType() as Kind;
    if (kind in seen && r.url().startsWith(origin)) seen[kind].add(new URL(r.url()).pathname);
  });
  return seen;
}

runCli(USAGE, async () => {
  const dist = resolve(import.meta.dirname, "../dist");
  const gz = (paths: Iterable<string>) => [...paths].reduce((a, p) => a + gzipSync(readFileSync(join(dist, p)), { level: 9 }).length, 0);
  const raw = (paths: Iterable<string>) => [...paths].reduce((a, p) => a + statSync(join(dist, p)).size, 0);
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(6);
  const lines = [
    `${"page".padEnd(30)} ${"HTML".padStart(6)} ${"JS".padStart(6)} ${"JS*".padStart(6)} ${"CSS".padStart(6)} ${"fonts".padStart(6)}   (KB; gzip -9, fonts as served; JS* = every figure active)`,
  ];
  const over: string[] = [];
  try {
    for (const path of pages(dist)) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const seen = track(page, server.origin);
      await page.goto(server.origin + path, { waitUntil: "networkidle" });
      const jsBefore = gz(seen.script);
      await activateAllCells(page);
      await page.waitForLoadState("networkidle");
      const html = path.endsWith(".html") ? path : `${path}index.html`;
      const row = { html: gz([html]), jsBefore, jsActive: gz(seen.script), css: gz(seen.stylesheet), fonts: raw(seen.font) };
      lines.push(`${path.padEnd(30)} ${kb(row.html)} ${kb(row.jsBefore)} ${kb(row.jsActive)} ${kb(row.css)} ${kb(row.fonts)}`);
      if (row.html > BUDGET.html) over.push(`${path}: HTML ${kb(row.html)} KB > ${BUDGET.html / 1024} KB`);
      if (row.jsBefore > BUDGET.jsBefore)
        over.push(`${path}: JavaScript before interaction ${kb(row.jsBefore)} KB > ${BUDGET.jsBefore / 1024} KB`);
      if (row.jsActive > BUDGET.jsActive)
        over.push(`${path}: JavaScript with every figure active ${kb(row.jsActive)} KB > ${BUDGET.jsActive / 1024} KB`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  process.stdout.write(
    `budgets: HTML ${BUDGET.html / 1024} KB, JS ${BUDGET.jsBefore / 1024} KB before interaction, ${BUDGET.jsActive / 1024} KB with every figure active\n`,
  );
  if (over.length) throw new Error(`over budget:\n  ${over.join("\n  ")}`);
  process.stdout.write("every page is within its budgets\n");
});
