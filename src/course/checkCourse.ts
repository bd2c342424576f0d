import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { ChapterIds } from "../lib/content/components.ts";
import { chapterSchema } from "../lib/content/frontmatter.ts";
import { checkMdxPolicy } from "../lib/content/mdxPolicy.ts";
import { MdxSyntaxError, parseMdx } from "../lib/content/parseMdx.ts";
import { printable } from "../lib/text/printable.ts";
import type { DiscoveredChapter } from "./discover.ts";
import { placeholderMismatches, type StringTable } from "./strings.ts";

/** Every chapter file of every locale, content/<locale>/<slug>/index.mdx, relative to the root, sorted. */
export function chapterFiles(root: string): { file: string; locale: string; slug: string }[] {
  const content = join(root, "content");
  if (!existsSync(content)) return [];
  return readdirSync(content, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith("/index.mdx"))
    .sort()
    .map((path) => {
      const [locale, ...rest] = path.split("/");
      return { file: `content/${path}`, locale: locale!, slug: rest.slice(0, -1).join("/") };
    });
}

/** The frontmatter of an MDX file as data, or what is wrong with it. */
export function readFrontmatter(mdx: string): { data: unknown; error: string | null } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(mdx);
  if (!m) return { data: null, error: "no frontmatter (--- title: ... ---) at the top" };
  try {
    return { data: parseYaml(m[1]!, { maxAliasCount: 0 }) as unknown, error: null };
  } catch (err) {
    return { data: null, error: `frontmatter is not valid YAML: ${printable((err as Error).message.split("\n")[0]!, 160)}` };
  }
}

/** Problems of a chapter module folder itself: browser code for each interactive cell, ids that match file names. */
export function checkChapterModule(chapter: DiscoveredChapter): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const { view } of chapter.cells) {
    if (ids.has(view.id)) problems.push(`${chapter.file}: two cells have the id "${view.id}"`);
    ids.add(view.id);
    if (view.interaction && !chapter.views.has(view.id))
      problems.push(
        `${chapter.file}: cell "${view.id}" is interactive, but its browser code is missing (write it as the default export of ${chapter.file.replace(/chapter\.ts$/, `${view.id}.cell.ts`)})`,
      );
  }
  for (const [name, { file, view }] of chapter.views) {
    if (view.id !== name)
      problems.push(`${file}: its default export is cell "${view.id}"; the file must be named after the cell (${view.id}.cell.ts)`);
  }
  return problems;
}

/** Problems of one chapter file: syntax, what it may contain, ids it refers to, frontmatter. */
export function checkChapterFile(file: string, mdx: string, chapter: DiscoveredChapter | undefined): string[] {
  const { data, error } = readFrontmatter(mdx);
  if (error) return [`${file}:1: ${error}`];
  const frontmatter = chapterSchema.safeParse(data);
  const problems: string[] = frontmatter.success
    ? []
    : frontmatter.error.issues.map((i) => `${file}:1: frontmatter "${i.path.join(".") || "(root)"}": ${i.message}`);
  const definition = chapter?.definition;
  const ids: ChapterIds = {
    cells: chapter?.cells.map((c) => c.view.id) ?? [],
    outputs: Object.keys(definition?.outputs ?? {}),
    values: Object.keys(definition?.values ?? {}),
    elapsed: frontmatter.success ? Object.keys(frontmatter.data.elapsed) : [],
  };
  try {
    for (const p of checkMdxPolicy(parseMdx(mdx), ids)) problems.push(`${file}:${p.line}: ${p.message}`);
  } catch (err) {
    if (!(err instanceof MdxSyntaxError)) throw err;
    problems.push(`${file}:${err.line}: not valid MDX: ${err.reason}`);
  }
  return problems;
}

/** Keys whose `{placeholders}` differ from the source locale's, per layer of strings. */
export function checkPlaceholders(
  where: (locale: string) => string,
  byLocale: ReadonlyMap<string, StringTable>,
  sourceLocale: string,
): string[] {
  const source = byLocale.get(sourceLocale);
  if (!source) return [];
  return [...byLocale]
    .filter(([locale]) => locale !== sourceLocale)
    .flatMap(([locale, table]) =>
      placeholderMismatches(source, table).map(
        (m) =>
          `${where(locale)}: "${printable(m.key, 60)}" has placeholders {${m.have.join("}, {")}} but the ${sourceLocale} text has {${m.want.join("}, {")}}`,
      ),
    );
}

/**
 * What the build checks before anything is compiled or computed: every locale's chapters
 * (syntax, allowed content, ids, frontmatter), the chapter modules, and placeholders of
 * chapter strings. Returns "file:line: problem" lines; the build stops on any.
 */
export function checkCourse(root: string, chapters: readonly DiscoveredChapter[], sourceLocale: string): string[] {
  const bySlug = new Map(chapters.map((c) => [c.slug, c]));
  const files = chapterFiles(root);
  const problems: string[] = chapters.flatMap(checkChapterModule);
  const sources = new Set(files.filter((f) => f.locale === sourceLocale).map((f) => f.slug));
  for (const { file, locale, slug } of files) {
    if (locale !== sourceLocale && !sources.has(slug))
      problems.push(`${file}: there is no ${sourceLocale} source for this chapter (content/${sourceLocale}/${slug}/index.mdx)`);
    problems.push(...checkChapterFile(file, readFileSync(join(root, file), "utf8"), bySlug.get(slug)));
  }
  for (const chapter of chapters) {
    if (!sources.has(chapter.slug))
      problems.push(`${chapter.file}: no chapter content/${sourceLocale}/${chapter.slug}/index.mdx uses this module`);
    const dir = chapter.file.replace(/chapter\.ts$/, "strings");
    problems.push(...checkPlaceholders((l) => `${dir}/${l}.json`, chapter.strings, sourceLocale));
  }
  return problems;
}

/**
 * The site's UI strings (src/i18n/<locale>.json): valid JSON, exactly the schema's keys,
 * strings only, the same placeholders as the source locale's.
 */
export function checkSiteStrings(
  root: string,
  sourceLocale: string,
  schema: {
    safeParse(v: unknown): {
      success: boolean;
      error?: { issues: { path: (string | number)[]; code: string; message: string; keys?: string[] }[] };
    };
  },
): string[] {
  const dir = join(root, "src/i18n");
  const problems: string[] = [];
  const tables = new Map<string, StringTable>();
  for (const name of readdirSync(dir)
    .filter((f) => /^[a-z]{2}(-[A-Za-z]+)?\.json$/.test(f))
    .sort()) {
    const file = `src/i18n/${name}`;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, name), "utf8"));
    } catch (err) {
      problems.push(`${file}: not valid JSON (${printable((err as Error).message, 120)})`);
      continue;
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      for (const issue of result.error!.issues) {
        const key = issue.path.join(".") || (issue.code === "unrecognized_keys" ? (issue.keys ?? []).join(", ") : "(root)");
        problems.push(
          issue.code === "unrecognized_keys"
            ? `${file}: unknown key(s) ${printable(key, 120)}`
            : `${file}: "${printable(key, 60)}": ${issue.message === "Required" ? "missing UI string" : issue.message}`,
        );
      }
      continue;
    }
    tables.set(name.slice(0, -5), json as StringTable);
  }
  return [...problems, ...checkPlaceholders((l) => `src/i18n/${l}.json`, tables, sourceLocale)];
}
