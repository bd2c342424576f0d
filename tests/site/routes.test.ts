import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SITE_ROUTES } from "../../src/lib/content/contentPaths.ts";
import { site } from "../helpers/sites.ts";
import { ROOT } from "../helpers/run.ts";

// A chapter may not take a route of the site (src/lib/content/contentPaths.ts): the list it is
// checked against must hold every name the site uses beside chapters, now and when a page is added.
const routes = new Set<string>(SITE_ROUTES);
const routeName = (file: string) => file.replace(/\.(astro|ts|html)$/, "");
const unreserved = (names: readonly string[]) => names.filter((n) => !routes.has(routeName(n)));

/** A folder of a locale that holds a chapter (a chapter page has its notebook beside it). */
const holdsChapter = (folder: string) =>
  statSync(folder).isDirectory() && readdirSync(folder, { recursive: true, encoding: "utf8" }).some((f) => f.endsWith("notebook.ipynb"));

let dists: string[] = [];
beforeAll(async () => {
  dists = (await Promise.all([site("default"), site("testbed")])).map((s) => s.dist);
});

describe("the site's own routes", () => {
  it("every page of src/pages, at the top and inside a locale, is a reserved name", () => {
    const names = readdirSync(join(ROOT, "src/pages"), { recursive: true, encoding: "utf8" })
      .flatMap((path) => path.split("/"))
      .filter((part) => !part.startsWith("["));
    expect(names.length).toBeGreaterThan(3);
    expect(unreserved(names)).toEqual([]);
  });

  it("every name a built site has beside its locales and chapters is a reserved name", () => {
    for (const dist of dists) {
      // A locale's folder is the one that has its home page and status page.
      const locales = readdirSync(dist).filter((n) => existsSync(join(dist, n, "translation-status")));
      expect(locales.length, dist).toBeGreaterThanOrEqual(2);
      expect(unreserved(readdirSync(dist).filter((n) => !locales.includes(n))), dist).toEqual([]);
      for (const locale of locales) {
        const own = readdirSync(join(dist, locale)).filter((n) => !holdsChapter(join(dist, locale, n)));
        expect(unreserved(own), `${dist}/${locale}`).toEqual([]);
      }
    }
  });
});
