import { execFileSync } from "node:child_process";
import type { FrontmatterFields } from "../../lib/content/frontmatter.ts";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseProvenance, type Provenance } from "../model/provenance.ts";
import { sectionHash, splitSections } from "../model/sections.ts";
import { locales } from "../locales.ts";
import type { TypographyRules } from "../model/typography.ts";
import { chapterFilePath, contentFolders, listChapterFiles } from "../../lib/content/chapterFiles.ts";

/** A project's content as the translators' tools see it (the repository, or a copy of it). */
export class ContentTree {
  readonly root: string;
  /** The locale the course is written in (its course file's `sourceLocale`). */
  readonly sourceLocale: string;

  /** The course's choice of typography rules per locale (course.config.ts `typography`), where a locale's script is not its answer. */
  readonly typography: Readonly<Record<string, TypographyRules>>;

  /** The course's identity (title, tagline, licence line) per locale, when the command read the course file; empty otherwise. */
  readonly identity: Readonly<Record<"title" | "tagline" | "licence", Readonly<Record<string, string>>>>;

  /** The fields the course adds to its chapters' frontmatter (course.config.ts `frontmatter`). */
  readonly frontmatter: FrontmatterFields;

  constructor(
    root: string,
    sourceLocale: string,
    typography: Readonly<Record<string, TypographyRules>> = {},
    identity: ContentTree["identity"] = { title: {}, tagline: {}, licence: {} },
    frontmatter: FrontmatterFields = {},
  ) {
    this.root = root;
    this.sourceLocale = sourceLocale;
    this.typography = typography;
    this.identity = identity;
    this.frontmatter = frontmatter;
  }

  /** Locales: the course's (src/translation/locales.ts), and any content folder without strings yet (reported by i18n:check). */
  locales(): string[] {
    const fromStrings = locales(this.root);
    const fromContent = contentFolders(this.root);
    return [...new Set([...fromStrings, ...fromContent])].sort();
  }

  /** Chapters (paths under content/<locale>/) that the source locale has. */
  chapters(): string[] {
    return listChapterFiles(this.root)
      .filter((f) => f.locale === this.sourceLocale)
      .map((f) => f.slug);
  }

  /** content/<locale>/<chapter>/index.mdx, relative to the root. */
  file(locale: string, chapter: string): string {
    return chapterFilePath(locale, chapter);
  }

  provenanceFile(locale: string, chapter: string): string {
    return join("content", locale, chapter, "translation.json");
  }

  read(path: string): string | null {
    const full = join(this.root, path);
    return existsSync(full) ? readFileSync(full, "utf8") : null;
  }

  provenance(locale: string, chapter: string): Provenance | null {
    const path = this.provenanceFile(locale, chapter);
    const text = this.read(path);
    return text === null ? null : parseProvenance(text, path);
  }

  /** The source file's versions in git, newest first (commit, ISO date, text); empty without git. */
  private sourceHistory = new Map<string, { commit: string; date: string; text: string }[]>();

  private history(chapter: string): { commit: string; date: string; text: string }[] {
    const cached = this.sourceHistory.get(chapter);
    if (cached) return cached;
    const path = this.file(this.sourceLocale, chapter);
    const git = (args: string[]) =>
      execFileSync("git", args, { cwd: this.root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
    let versions: { commit: string; date: string; text: string }[];
    try {
      versions = git(["log", "--format=%H %cI", "--", path])
        .split("\n")
        .filter(Boolean)
        .flatMap((line) => {
          const [commit, date] = line.split(" ") as [string, string];
          try {
            return [{ commit, date, text: git(["show", `${commit}:${path}`]) }];
          } catch {
            return [];
          }
        });
    } catch {
      versions = [];
    }
    this.sourceHistory.set(chapter, versions);
    return versions;
  }

  /**
   * The text a source section had when its hash was `hash`, found by walking the git history
   * of the source file (newest first); null when git has no such version (or no history).
   */
  sourceSectionAt(chapter: string, section: string, hash: string): string | null {
    for (const version of this.history(chapter)) {
      const found = splitSections(version.text).sections.find((s) => s.id === section);
      if (found && sectionHash(found.text) === hash) return found.text;
    }
    return null;
  }

  /**
   * When a source section got the text it has now: the date of the oldest commit in the unbroken
   * run of commits (from the newest) whose section matches it. Null when the change is not
   * committed yet, or git has no history here.
   */
  sectionChangedAt(chapter: string, section: string, hash: string): string | null {
    let date: string | null = null;
    for (const version of this.history(chapter)) {
      const found = splitSections(version.text).sections.find((s) => s.id === section);
      if (!found || sectionHash(found.text) !== hash) break;
      date = version.date;
    }
    return date;
  }

  /** True when this clone's git history is cut short (a shallow clone): old versions may be missing. */
  isShallow(): boolean {
    try {
      return (
        execFileSync("git", ["rev-parse", "--is-shallow-repository"], {
          cwd: this.root,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "ignore"],
        }).trim() === "true"
      );
    } catch {
      return false;
    }
  }

  /** True when a file has changes git has not committed (or is not in git at all). */
  hasUncommittedChanges(path: string): boolean {
    try {
      return (
        execFileSync("git", ["status", "--porcelain", "--", path], {
          cwd: this.root,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "ignore"],
        }).trim() !== ""
      );
    } catch {
      return false;
    }
  }
}
