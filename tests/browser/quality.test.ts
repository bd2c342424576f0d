import { describe, expect, it } from "vitest";
import { browserSuite } from "../helpers/browser.ts";
import { genericSuite } from "../helpers/genericSuite.ts";

const env = browserSuite();

// Accessibility, CSP, keyboard, lazy loading, URL state and no-JS on every page of the build.
genericSuite("the site", () => ({ dir: env.dir, origin: env.server.origin, browser: env.browser }));

describe("Content-Security-Policy", () => {
  it("is strict: scripts from the site and hashes only", async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.origin}/en/`);
    const policy = (await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content")) ?? "";
    const scriptSrc = /script-src ([^;]+)/.exec(policy)?.[1] ?? "";
    expect(scriptSrc).toMatch(/^'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'$/);
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).toContain("object-src 'none'");
    await page.close();
  });
});

describe("motion", () => {
  it("respects prefers-reduced-motion", async () => {
    const context = await env.browser.newContext({ reducedMotion: "reduce" });
    const page = await context.newPage();
    await page.goto(`${env.server.origin}/en/`);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("auto");
    await context.close();
  });
});
