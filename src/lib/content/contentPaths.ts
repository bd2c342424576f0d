/**
 * The names a course's content may use. A chapter's path becomes a route of the site
 * (/<locale>/<chapter>/), so it may not be, or sit under, a route the site owns; every file
 * and folder under content/ is named by one rule, so that a name can never be read as a path
 * elsewhere (`..x.png`), as another route (`notebook.ipynb`), or hide (`.x`, a space, a control).
 */

import { printable } from "../text/printable.ts";

/**
 * The names the site itself uses at its top level and inside each locale's folder: its pages
 * (src/pages), the files its build adds (search index, scripts, data, service worker) and
 * what a host serves. A test lists src/pages and public/ against it, so a new route is added here.
 */
export const SITE_ROUTES = [
  "index",
  "404",
  "translation-status",
  "translation-status.json",
  "offline",
  "notebook.ipynb",
  "search",
  "sitemap-index.xml",
  "sitemap-0.xml",
  "robots.txt",
  "favicon.svg",
  "data",
  "_astro",
  "pagefind",
  "sw.js",
  "_headers",
] as const;

const SEGMENT = /^[a-z0-9][a-z0-9-]{0,63}$/;
const FOLDER = /^[A-Za-z0-9_-]{1,64}$/;
const FILE = /^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9]{1,8}$/;

/**
 * Why a chapter may not have this path (`w1d1/tutorial1`, under content/<locale>/), or null:
 * lower-case words of letters, digits and `-` joined by `/`, the first not a route of the site
 * nor a language tag of the course (`isLocale`, compared as tags are, in any case).
 */
export function chapterPathProblem(path: string, isLocale: (name: string) => boolean = () => false): string | null {
  const segments = path.split("/");
  const shown = printable(path, 80);
  if (segments.length > 6 || !segments.every((s) => SEGMENT.test(s)))
    return `the chapter's path "${shown}" must be lower-case words of letters, digits and - (at most 64 each), joined by / (week2/intro)`;
  const first = segments[0]!;
  if ((SITE_ROUTES as readonly string[]).includes(first))
    return `the chapter's path "${shown}" would take the site's own /<locale>/${first}/: give the chapter another folder name`;
  if (isLocale(first))
    return `the chapter's path "${shown}" starts with a language tag of the course: give the chapter another folder name`;
  return null;
}

/**
 * Why a file or folder under content/ may not have this name, or null: a folder is letters,
 * digits, `-` and `_`; a file the same, then one dot and its extension.
 */
export function contentNameProblem(name: string, isFolder: boolean): string | null {
  if ((isFolder ? FOLDER : FILE).test(name)) return null;
  return isFolder
    ? "a folder's name must be letters, digits, - and _ (at most 64)"
    : "a file's name must be letters, digits, - and _, then one dot and its extension (figure-1.png)";
}
