import { runInNewContext } from "node:vm";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { HEAD_SCRIPT, LANDING_PRELOADS_ID } from "../../../src/lib/security/csp.ts";
import { landingPreloads } from "../../../src/pageModel/landingPreloads.ts";

/** Runs the head script in a document holding a landing list, opened at `hash`: the links it added to the head. */
function run(list: unknown, hash: string, theme: string | null = null): { links: string[]; js: boolean; theme: string | null } {
  const { document } = parseHTML(
    `<!doctype html><html><head><script type="application/json" id="${LANDING_PRELOADS_ID}">${JSON.stringify(list)}</script></head><body></body></html>`,
  );
  const storage = { getItem: () => theme };
  runInNewContext(HEAD_SCRIPT, { document, location: { hash }, localStorage: storage, JSON, Array, decodeURIComponent });
  const links = [...document.head.querySelectorAll("link")].map(
    (l) => `${l.getAttribute("rel")} ${l.getAttribute("href")}${l.getAttribute("as") ? ` as=${l.getAttribute("as")}` : ""}`,
  );
  return { links, js: document.documentElement.dataset.js === "", theme: document.documentElement.dataset.theme ?? null };
}

describe("the head script", () => {
  const list = landingPreloads(
    [
      {
        cell: "raster",
        code: { src: "/_astro/raster.cell.js", deps: ["/_astro/plot.js"] },
        config: JSON.stringify({ firstMove: { atDefault: ["/data/k/1.bin"], oneStepAway: ["/data/k/2.bin"] } }),
      },
      { cell: "isi", code: { src: "/_astro/isi.cell.js", deps: ["/_astro/plot.js"] }, config: "{}" },
    ],
    [
      { section: "section-2-1", cell: "raster" },
      { section: "section-2", cell: "isi" },
    ],
    [
      { slug: "section-1", depth: 2 },
      { slug: "section-2", depth: 2 },
      { slug: "section-2-1", depth: 3 },
      { slug: "section-3", depth: 2 },
    ],
    // The code every figure runs on, which shares Plot with the figures.
    { src: "/_astro/loadCell.js", deps: ["/_astro/plot.js", "/_astro/runtime.js"] },
  );

  it("opened at a figure, fetches its code, the figures' loader and its default view's files first, and nothing for another anchor", () => {
    const raster = [
      "modulepreload /_astro/raster.cell.js",
      "modulepreload /_astro/plot.js",
      "preload /data/k/1.bin as=fetch",
      "modulepreload /_astro/loadCell.js",
      "modulepreload /_astro/runtime.js",
    ];
    expect(run(list, "#cell-raster").links).toEqual(raster);
    // A section: each of its figures', its subsections' included (shared chunks once).
    expect(run(list, "#section-2").links).toEqual([...raster, "modulepreload /_astro/isi.cell.js"]);
    expect(run(list, "#section-2-1").links).toEqual(raster);
    expect(run(list, "#section-1").links).toEqual([]);
    expect(run(list, "#section-3").links).toEqual([]);
    expect(run(list, "#other").links).toEqual([]);
    expect(run(list, "").links).toEqual([]);
    expect(run(list, "#__proto__").links).toEqual([]);
    // Without a loader (the development server's pages), a figure's own code only.
    const own = landingPreloads([{ cell: "isi", code: { src: "/_astro/isi.cell.js", deps: [] }, config: "{}" }], [], []);
    expect(run(own, "#cell-isi").links).toEqual(["modulepreload /_astro/isi.cell.js"]);
  });

  it("still marks the page as scripted and applies the saved theme, whatever the list holds", () => {
    expect(run(list, "#cell-raster", "dark")).toMatchObject({ js: true, theme: "dark" });
    // Addresses off this site, or not a list at all, are not fetched.
    const hostile = {
      "cell-x": [["module", "//evil.example/x.js"], ["data", "https://evil.example/y"], ["module", "/_astro/ok.js"], "junk"],
    };
    expect(run(hostile, "#cell-x", "light")).toEqual({ links: ["modulepreload /_astro/ok.js"], js: true, theme: "light" });
    expect(run("not json {", "#cell-x")).toMatchObject({ links: [], js: true });
  });
});
