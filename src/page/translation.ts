import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseProvenance } from "../lib/i18n/provenance.ts";
import { compareChapter } from "../lib/i18n/status.ts";
import { SITE } from "../site.ts";

const root = process.cwd();
const read = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), "utf8") : null);

/**
 * The sections of a translated chapter whose source changed since they were translated (what
 * `i18n:status` calls stale); empty for the source locale. Read from the files at build time.
 */
export function staleSections(locale: string, slug: string): Set<string> {
  if (locale === SITE.sourceLocale) return new Set();
  const source = read(`content/${SITE.sourceLocale}/${slug}/index.mdx`);
  const translation = read(`content/${locale}/${slug}/index.mdx`);
  if (source === null || translation === null) return new Set();
  const provenanceFile = `content/${locale}/${slug}/translation.json`;
  const text = read(provenanceFile);
  const provenance = text === null ? null : parseProvenance(text, provenanceFile);
  return new Set(
    compareChapter(source, translation, provenance)
      .filter((r) => r.status === "stale")
      .map((r) => r.section),
  );
}
