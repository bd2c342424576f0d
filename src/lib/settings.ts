import { z } from "astro/zod";
import { printable } from "./text/printable.ts";

/** Settings an operator gives the build through the environment, checked. */
export interface SiteSettings {
  /** Where the site is hosted under its origin, `/` or `/course/` (BASE_PATH). */
  readonly base: string;
  /** The site's public address, for canonical links, the sitemap and previews (SITE_URL); none: relative links only. */
  readonly url: string | null;
  /** Where readers report a problem with a section (SITE_REPOSITORY, its issues); none: no such link. */
  readonly repository: string | null;
  /** The branch of SITE_REPOSITORY (on GitHub) holding the built notebooks, for "Open in Colab" (NOTEBOOK_BRANCH); none: no such link. */
  readonly notebookBranch: string | null;
  /** Whether pages a reader opened stay readable offline (a service worker; OFFLINE=off turns it off). */
  readonly offline: boolean;
  /** Whether computed chapters are kept between builds and read back while their inputs are unchanged (BUILD_CACHE=off: always computed). */
  readonly buildCache: boolean;
  /** Whether what the build shows otherwise than written is an error rather than a warning (STRICT=1). */
  readonly strict: boolean;
  /** Where the build writes what it did, as JSON, for tools and tests (BUILD_REPORT); none: nowhere. */
  readonly buildReport: string | null;
  /** Locale of the source chapters; every other locale is a translation of it (the course file's). */
  readonly sourceLocale: string;
  /** The order readers are offered languages in (the course file's; a locale not listed comes last). */
  readonly localeOrder: readonly string[];
}

/** A setting the build cannot use: one line naming the variable and what it must be. */
export class SettingsError extends Error {}

const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** A base path as Astro may hand it back (`/course` or `/course/`), as a folder: `/course/`. */
export const baseFolder = (base: string): string => base.replace(/\/?$/, "/");

/** BASE_PATH as a path `/x/y/`: `course` and `/course` are accepted as `/course/`; anything that is not a plain path is refused. */
export function normalizeBase(raw: string | undefined): string {
  const text = (raw ?? "").trim();
  if (text === "" || text === "/") return "/";
  const segments = text
    .replace(/^\/(?!\/)/, "")
    .replace(/\/$/, "")
    .split("/");
  if (text.startsWith("//") || segments.some((s) => !SEGMENT.test(s) || s === "." || s === ".."))
    throw new SettingsError(
      `BASE_PATH must be a path on this site such as /course/ (letters, digits, . _ ~ - and /), not "${printable(text, 60)}"`,
    );
  return `/${segments.join("/")}/`;
}

function httpUrl(name: string, raw: string | undefined, schemes: readonly string[]): string | null {
  const text = (raw ?? "").trim();
  if (text === "") return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SettingsError(`${name} must be an ${schemes.join(" or ")} URL, not "${printable(text, 60)}"`);
  }
  if (!schemes.includes(url.protocol.slice(0, -1)) || url.username || url.password || !url.hostname)
    throw new SettingsError(`${name} must be an ${schemes.join(" or ")} URL without credentials, not "${printable(text, 60)}"`);
  return url.href.replace(/\/$/, "");
}

function onOff(name: string, raw: string | undefined, fallback: boolean): boolean {
  const text = (raw ?? "").trim().toLowerCase();
  if (text === "") return fallback;
  if (text === "on" || text === "1" || text === "true") return true;
  if (text === "off" || text === "0" || text === "false") return false;
  throw new SettingsError(`${name} must be on or off, not "${printable(raw ?? "", 20)}"`);
}

/** A git branch name: letters, digits, ".", "_", "-" and "/" between parts; none when empty. */
function branchName(name: string, raw: string | undefined): string | null {
  const text = (raw ?? "").trim();
  if (text === "") return null;
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(text) || text.includes("..") || text.length > 100)
    throw new SettingsError(`${name} must be a branch name (letters, digits, . _ - and /), not "${printable(text, 60)}"`);
  return text;
}

/** A zod field over an environment variable, checked by `parse` (which throws a SettingsError). */
const variable = <T>(parse: (raw: string | undefined) => T) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      try {
        return parse(raw);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
        return z.NEVER;
      }
    });

/** The environment a build reads, each variable described and checked. */
export const environmentSchema = z.object({
  BASE_PATH: variable(normalizeBase).describe("Where the site is hosted under its origin: / or /course/."),
  SITE_URL: variable((raw) => httpUrl("SITE_URL", raw, ["http", "https"])).describe(
    "The site's public address (canonical links, sitemap, notebooks).",
  ),
  SITE_REPOSITORY: variable((raw) => httpUrl("SITE_REPOSITORY", raw, ["https"])).describe(
    "The course's repository, for 'report a problem' links.",
  ),
  NOTEBOOK_BRANCH: variable((raw) => branchName("NOTEBOOK_BRANCH", raw)).describe(
    "The branch holding built notebooks, for 'Open in Colab'.",
  ),
  OFFLINE: variable((raw) => onOff("OFFLINE", raw, true)).describe("on (default) or off: pages a reader opened stay readable offline."),
  BUILD_CACHE: variable((raw) => onOff("BUILD_CACHE", raw, true)).describe(
    "on (default) or off: chapters whose inputs did not change are read back from the last build instead of computed.",
  ),
  STRICT: variable((raw) => onOff("STRICT", raw, false)).describe(
    "1 (on) makes the build's warnings errors: a formula shown as its TeX source, a cell not computed yet.",
  ),
  BUILD_REPORT: variable((raw) => (raw ?? "").trim() || null).describe(
    "A file the build writes what it did to, as JSON (for tools and tests).",
  ),
});

/**
 * The site's settings: from the environment BASE_PATH, SITE_URL, SITE_REPOSITORY, NOTEBOOK_BRANCH
 * and OFFLINE (environmentSchema; the first problem is thrown as one line naming the variable),
 * and from the course file its source locale and locale order.
 */
export function siteSettings(
  env: Readonly<Record<string, string | undefined>>,
  course: { readonly sourceLocale: string; readonly localeOrder: readonly string[] },
): SiteSettings {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) throw new SettingsError(parsed.error.issues[0]!.message);
  const e = parsed.data;
  return {
    base: e.BASE_PATH,
    url: e.SITE_URL,
    repository: e.SITE_REPOSITORY,
    notebookBranch: e.NOTEBOOK_BRANCH,
    offline: e.OFFLINE,
    buildCache: e.BUILD_CACHE,
    strict: e.STRICT,
    buildReport: e.BUILD_REPORT,
    sourceLocale: course.sourceLocale,
    localeOrder: course.localeOrder,
  };
}
