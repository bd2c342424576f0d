import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.ts";
import { fixture } from "../helpers/fixtures.ts";
import { genericSuite } from "../helpers/genericSuite.ts";
import { copyProject } from "../helpers/project.ts";
import { runScript } from "../helpers/run.ts";
import { loadPage } from "../helpers/site.ts";
import { serveStatic, type StaticServer } from "../helpers/staticServer.ts";

// The generator's test bed: a chapter with one cell of each interaction kind, over a second
// dataset, added to a copy of the project as new files only.
const FIXTURE = fixture("generator");
let dir: string;
let server: StaticServer | undefined;
let browser: Browser | undefined;
let stderr = "";

beforeAll(async () => {
  dir = copyProject();
  for (const file of readdirSync(FIXTURE, { recursive: true, encoding: "utf8" }).filter((f) => /\.\w+$/.test(f)))
    if (existsSync(join(dir, file))) throw new Error(`the fixture would overwrite ${file}`);
  cpSync(FIXTURE, dir, { recursive: true });
  const r = await runScript("build.ts", [], { OUT_DIR: join(dir, "dist") }, dir);
  stderr = r.stderr;
  if (r.code !== 0) throw new Error(r.stderr);
  server = await serveStatic(join(dir, "dist"));
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a chapter added by files alone", () => {
  it("builds beside Tutorial 1, each dataset loaded once, shared data files written once", () => {
    expect(stderr).toMatch(/data: load \+ validate \(2 dataset\(s\)\)/);
    const page = loadPage(join(dir, "dist"), "en/fixture/widgets/");
    expect([...page.querySelectorAll("[data-cell]")].map((f) => f.getAttribute("data-cell"))).toEqual([
      "static-cell",
      "slider-cell",
      "toggle-cell",
      "isi-histogram",
    ]);
    expect(page.querySelectorAll(".data-notice").length).toBe(2);
    // Two chapters with a cell of the same id, each with its own browser code.
    const tutorial = loadPage(join(dir, "dist"), "en/w1d1/tutorial1/");
    expect(tutorial.querySelector('[data-cell="isi-histogram"]')!.getAttribute("data-chapter")).toBe("w1d1/tutorial1");
    expect(page.querySelector('[data-cell="isi-histogram"]')!.getAttribute("data-chapter")).toBe("fixture/widgets");
  });

  it("shows the images beside the chapter: published as files of the site, sized, with their alt text", () => {
    const page = loadPage(join(dir, "dist"), "en/fixture/widgets/");
    const images = [...page.querySelectorAll("article img")].map((img) => ({
      alt: img.getAttribute("alt"),
      src: img.getAttribute("src") ?? "",
      sized: !!img.getAttribute("width") && !!img.getAttribute("height"),
    }));
    expect(images.map((i) => i.alt)).toEqual(["A diagram of the fixture", "A one-pixel picture"]);
    for (const image of images) {
      expect(image.src).toMatch(/^\/_astro\/[\w.-]+\.(svg|webp|png)$/);
      expect(image.sized).toBe(true);
      expect(existsSync(join(dir, "dist", image.src))).toBe(true);
    }
  });
});

// Tutorial 1's pages are checked by quality.test.ts on the main build; here, the test bed's.
genericSuite(
  "the test-bed chapter",
  () => {
    if (!server || !browser) throw new Error("the test-bed site did not build");
    return { dir: join(dir, "dist"), origin: server.origin, browser };
  },
  (path) => path.includes("/fixture/"),
);
