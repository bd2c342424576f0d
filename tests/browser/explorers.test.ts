import type { Browser, BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { activateCell, browserSuite } from "../helpers/browser.ts";

const foreignRequests: string[] = [];
const consoleErrors: string[] = [];

const env = browserSuite();

/** A page that records every request to another host and every console error. */
async function openPage(
  path: string,
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  const page = await context.newPage();
  page.on("request", (r) => {
    if (!r.url().startsWith(env.server.origin)) foreignRequests.push(r.url());
  });
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(`${path}: ${m.text()}`);
  });
  page.on("pageerror", (e) => consoleErrors.push(`${path}: ${e.message}`));
  await page.goto(env.server.origin + path);
  return { page, context };
}

const EXPLORER = '[data-cell="isi-function-explorer"]';

/** The `d` of each curve the explorer draws, in model order. */
/** The path data of each drawn curve, in model order (a curve cut by the plot's edge has several paths). */
const curves = (page: Page) =>
  page.$$eval(`${EXPLORER} .layer-overlay g[stroke]`, (groups) =>
    ["exponential", "inverse", "linear"]
      .map((m) => groups.filter((g) => g.getAttribute("stroke") === `var(--plot-${m})`))
      .filter((gs) => gs.length > 0)
      .map((gs) => gs.flatMap((g) => [...g.querySelectorAll("path")].map((p) => p.getAttribute("d") ?? "")).join(" ")),
  );
const sse = (page: Page): Promise<Record<string, number>> =>
  page.$$eval(`${EXPLORER} .cell-readouts [data-output]`, (els) =>
    Object.fromEntries(els.map((e): [string, number] => [e.getAttribute("data-output") ?? "", Number(e.getAttribute("data-value"))])),
  );

const SLIDERS: [name: string, model: number, key: string][] = [
  ["exp_scale", 0, "sse_exponential"],
  ["exp_rate", 0, "sse_exponential"],
  ["exp_x0", 0, "sse_exponential"],
  ["inv_scale", 1, "sse_inverse"],
  ["inv_x0", 1, "sse_inverse"],
  ["lin_slope", 2, "sse_linear"],
  ["lin_y0", 2, "sse_linear"],
];

for (const locale of ["en", "ja"]) {
  describe(`ISI function explorer (${locale})`, () => {
    let page: Page;
    beforeAll(async () => {
      ({ page } = await openPage(`/${locale}/w1d1/tutorial1/`));
      await activateCell(page, "isi-function-explorer");
    });

    it("labels every control in the page's language, with its value and accessible value text", async () => {
      const label = await page.textContent(`label[for="isi-function-explorer-exp_scale"]`);
      expect(label).toContain(locale === "ja" ? "指数関数" : "Exponential");
      for (const [name] of SLIDERS) {
        const input = page.locator(`#isi-function-explorer-${name}`);
        expect(await input.getAttribute("aria-valuetext"), name).toBeTruthy();
        expect(await page.locator(`output[for="isi-function-explorer-${name}"]`).textContent(), name).toBeTruthy();
        // The accessible name comes from the visible label.
        expect(await input.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ""), name).toContain(name);
      }
      expect(await page.inputValue("#isi-function-explorer-inv_scale")).toBe("300");
    });

    it("moves every slider by keyboard: its curve and only its family's error change", async () => {
      for (const [name, model, key] of SLIDERS) {
        const before = await curves(page);
        const errors = await sse(page);
        const input = page.locator(`#isi-function-explorer-${name}`);
        const value = await input.inputValue();
        await input.focus();
        await page.keyboard.press(value === (await input.getAttribute("max")) ? "ArrowLeft" : "ArrowRight");
        await expect.poll(() => input.inputValue(), { timeout: 2000 }).not.toBe(value);
        await expect.poll(async () => (await curves(page))[model], { timeout: 2000 }).not.toBe(before[model]);
        const after = await sse(page);
        expect(after[key], `${key} after ${name}`).not.toBe(errors[key]);
        for (const other of Object.keys(errors))
          if (other !== key) expect(after[other], `${other} untouched by ${name}`).toBe(errors[other]);
        expect(await input.getAttribute("aria-valuetext")).toBe(await page.textContent(`output[for="isi-function-explorer-${name}"]`));
      }
    });

    it("moves every slider by pointer", async () => {
      for (const [name, model, key] of SLIDERS) {
        const input = page.locator(`#isi-function-explorer-${name}`);
        const before = { value: await input.inputValue(), curve: (await curves(page))[model], error: (await sse(page))[key] };
        await input.scrollIntoViewIfNeeded();
        const box = (await input.boundingBox())!;
        // Click well away from the thumb: at 80% of the track when the value is low, else at 10%.
        const fraction =
          (Number(before.value) - Number(await input.getAttribute("min"))) /
          (Number(await input.getAttribute("max")) - Number(await input.getAttribute("min")));
        await page.mouse.click(box.x + box.width * (fraction < 0.5 ? 0.8 : 0.1), box.y + box.height / 2);
        await expect.poll(() => input.inputValue(), { timeout: 2000 }).not.toBe(before.value);
        await expect.poll(async () => (await curves(page))[model], { timeout: 2000 }).not.toBe(before.curve);
        expect((await sse(page))[key]).not.toBe(before.error);
      }
    });

    it("writes the state into the URL, and a copied link reproduces the view", async () => {
      await page.waitForTimeout(400); // the URL is written at most five times a second
      const url = page.url();
      expect(url).toContain("isi-function-explorer.exp_scale=");
      const { page: copy, context } = await openPage(url.replace(env.server.origin, ""));
      await copy.waitForSelector(`${EXPLORER}[data-active="true"]`, { state: "attached" });
      for (const [name] of SLIDERS)
        expect(await copy.inputValue(`#isi-function-explorer-${name}`), name).toBe(await page.inputValue(`#isi-function-explorer-${name}`));
      await expect.poll(() => sse(copy)).toEqual(await sse(page));
      expect(await curves(copy)).toEqual(await curves(page));
      await context.close();
    });

    it("best fit sets the sliders and lowers every error below the notebook's defaults", async () => {
      await page.click(`${EXPLORER} button[data-action="reset"]`);
      await expect.poll(() => page.inputValue("#isi-function-explorer-exp_scale")).toBe("1000");
      const defaults = await sse(page);
      await page.click(`${EXPLORER} button[data-action="best-fit"]`);
      await expect.poll(async () => (await sse(page)).sse_exponential).toBeLessThan(defaults.sse_exponential ?? NaN);
      const fitted = await sse(page);
      for (const key of Object.keys(defaults)) expect(fitted[key], key).toBeLessThan(defaults[key] ?? NaN);
      expect(await page.inputValue("#isi-function-explorer-exp_scale")).not.toBe("1000");
    });

    it("toggles each curve", async () => {
      expect((await curves(page)).length).toBe(3);
      await page.click("#isi-function-explorer-show_inverse");
      await expect.poll(async () => (await curves(page)).length).toBe(2);
      await page.click("#isi-function-explorer-show_inverse");
      await expect.poll(async () => (await curves(page)).length).toBe(3);
    });

    it("switching neuron fetches exactly one file, and best fit works on it", async () => {
      const fetched: string[] = [];
      const onRequest = (r: { url(): string }) => r.url().includes("/data/") && fetched.push(new URL(r.url()).pathname);
      page.on("request", onRequest);
      const before = await page.$eval(`${EXPLORER} .cell-figure`, (el) => el.innerHTML);
      await page.fill("#isi-function-explorer-neuron", "12");
      await page.press("#isi-function-explorer-neuron", "Enter");
      await expect.poll(() => page.$eval(`${EXPLORER} .cell-figure`, (el) => el.innerHTML), { timeout: 5000 }).not.toBe(before);
      await page.waitForTimeout(300);
      page.off("request", onRequest);
      expect(fetched).toEqual(["/data/w1d1/tutorial1/isi/12.f32"]);
      const errors = await sse(page);
      await page.click(`${EXPLORER} button[data-action="best-fit"]`);
      await expect.poll(async () => (await sse(page)).sse_exponential).toBeLessThan(errors.sse_exponential ?? NaN);
      expect(await page.getAttribute(`${EXPLORER} .cell-figure`, "aria-label")).toContain("12");
    });
  });
}

describe("ISI histogram explorer", () => {
  it("changes bins, range, mean line and log counts on neuron 283's fetched ISIs", async () => {
    const { page, context } = await openPage("/en/w1d1/tutorial1/");
    await activateCell(page, "isi-histogram");
    const bars = () => page.$$eval('[data-cell="isi-histogram"] .cell-figure svg[class^="plot"] rect', (r) => r.length);
    expect(await bars()).toBe(50);
    const bins = page.locator("#isi-histogram-bins");
    await bins.focus();
    await page.keyboard.press("End");
    await expect.poll(bars, { timeout: 5000 }).toBe(200);
    const meanLines = () =>
      page.$$eval('[data-cell="isi-histogram"] .cell-figure svg[class^="plot"] [stroke="var(--plot-mean)"]', (r) => r.length);
    expect(await meanLines()).toBe(1);
    await page.click("#isi-histogram-show_mean");
    await expect.poll(meanLines).toBe(0);
    await page.click("#isi-histogram-log_counts");
    // Log counts: the y ticks become powers of ten.
    const ticks = () =>
      page.$$eval('[data-cell="isi-histogram"] svg[class^="plot"] g[text-anchor="end"][font-variant] text', (t) =>
        t.map((e) => e.textContent),
      );
    await expect.poll(ticks).toEqual(["0", "1", "10", "100", "1,000"]);
    await context.close();
  });
});

describe("raster explorer", () => {
  it("moves the window and the stride, updating both fractions from the fetched blocks", async () => {
    const { page, context } = await openPage("/ja/w1d1/tutorial1/");
    const fetched: string[] = [];
    page.on("request", (r) => r.url().includes("/raster/") && fetched.push(r.url()));
    await activateCell(page, "raster-population");
    const readout = (key: string) => page.getAttribute(`[data-cell="raster-population"] [data-output="${key}"]`, "data-value");
    const spikesBefore = await readout("frac_interval_spikes");
    const timeBefore = await readout("frac_interval_time");
    const rows = () => page.$$eval('[data-cell="raster-population"] .cell-figure svg g[stroke] path', (p) => p.length);
    const rowsBefore = await rows();
    await page.locator("#raster-population-stride").focus();
    await page.keyboard.press("Home"); // every neuron
    await expect.poll(rows, { timeout: 5000 }).toBeGreaterThan(rowsBefore * 3);
    // Same window: the spike fraction computed from the blocks equals the build's exact one.
    expect(await readout("frac_interval_spikes")).toBe(spikesBefore);
    await page.locator("#raster-population-width").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => readout("frac_interval_time")).not.toBe(timeBefore);
    await expect.poll(() => readout("frac_interval_spikes")).not.toBe(spikesBefore);
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.length).toBeLessThanOrEqual(4);
    await context.close();
  });
});

describe("without JavaScript", () => {
  it("keeps every figure, and the controls say they need JavaScript", async () => {
    const { page, context } = await openPage("/en/w1d1/tutorial1/", { javaScriptEnabled: false });
    expect(await page.$$eval("[data-cell] .cell-figure svg", (s) => s.length)).toBeGreaterThanOrEqual(8);
    expect(await page.$$eval("[data-interactive] fieldset[disabled]", (f) => f.length)).toBe(3);
    expect(await page.$$eval("[data-interactive] .needs-js", (p) => p.length)).toBe(3);
    await context.close();
  });
});

describe("lazy loading", () => {
  it("loads no figure code before a figure comes near or gets focus, then loads it on keyboard focus", async () => {
    const scripts: string[] = [];
    const context = await env.browser.newContext({ viewport: { width: 1200, height: 700 } });
    const page = await context.newPage();
    page.on("request", (r) => r.url().endsWith(".js") && scripts.push(new URL(r.url()).pathname));
    await page.goto(`${env.server.origin}/en/w1d1/tutorial1/`, { waitUntil: "networkidle" });
    expect(scripts.some((s) => /loadCell|isiFunctionExplorer/.test(s))).toBe(false);
    await page.focus("#isi-function-explorer-exp_scale");
    await page.waitForSelector(`${EXPLORER}[data-active="true"]`, { state: "attached" });
    expect(scripts.some((s) => s.includes("loadCell"))).toBe(true);
    await context.close();
  });
});

describe("the whole run", () => {
  it("made no request to any host but the local server, and logged no console error", () => {
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
