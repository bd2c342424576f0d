import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parseHTML } from "linkedom";

/** A reference from a built page that does not resolve. */
export interface BrokenLink {
  readonly page: string;
  readonly href: string;
  readonly reason: string;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".html"))
    .sort()
    .map((path) => join(dir, path));
}

/**
 * Checks every internal link, anchor and asset reference of a built site: the path must start
 * with the site's base (e.g. /course/), name a file that exists, and its #fragment must be an id
 * on the target page. External addresses are left alone (the tests keep pages from loading them).
 */
export function checkLinks(dist: string, base = "/"): BrokenLink[] {
  const files = htmlFiles(dist);
  const ids = new Map<string, Set<string>>();
  const docs = new Map<string, Document>();
  for (const file of files) {
    const { document } = parseHTML(readFileSync(file, "utf8"));
    docs.set(file, document);
    ids.set(file, new Set([...document.querySelectorAll("[id]")].map((e) => e.getAttribute("id")!)));
  }
  const broken: BrokenLink[] = [];
  for (const [file, doc] of docs) {
    const page = `/${relative(dist, file)}`;
    const refs = [
      ...[...doc.querySelectorAll("a[href], link[href]")].map((e) => e.getAttribute("href")!),
      ...[...doc.querySelectorAll("script[src], img[src], iframe[src], source[src]")].map((e) => e.getAttribute("src")!),
    ];
    for (const href of refs) {
      if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue;
      const [pathPart, fragment] = href.split("#") as [string, string | undefined];
      let target = file;
      if (pathPart !== "") {
        const absolute = pathPart.startsWith("/") ? pathPart : new URL(pathPart, `http://x${page}`).pathname;
        if (!absolute.startsWith(base)) {
          broken.push({ page, href, reason: `does not start with the base path ${base}` });
          continue;
        }
        const rel = decodeURIComponent(absolute.slice(base.length));
        const candidate = join(dist, rel);
        target = existsSync(candidate) && statSync(candidate).isDirectory() ? join(candidate, "index.html") : candidate;
        if (!existsSync(target)) {
          broken.push({ page, href, reason: "no such file in the build" });
          continue;
        }
      }
      if (fragment && target.endsWith(".html") && !ids.get(target)?.has(decodeURIComponent(fragment))) {
        broken.push({ page, href, reason: `no element with id "${fragment}" on ${relative(dist, target)}` });
      }
    }
  }
  return broken;
}
