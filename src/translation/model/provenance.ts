import { z } from "astro/zod";
import { schemaIssues } from "../../lib/schemaIssues.ts";

/**
 * What a translated chapter was translated from (content/<locale>/<chapter>/translation.json):
 * per section id, the hash of the source section's normalized text when a translator last
 * brought the whole section up to date (written by `npm run i18n:mark` and by imports); and,
 * for a section translated only in part (an import that brought some of its units), the source
 * section's hash then and which of its units (1-based, in i18n:export's order) are translated.
 */
export const provenanceSchema = z
  .object({
    /** The locale this chapter was translated from. */
    source: z.string(),
    /** Section id -> sectionHash() of the source section it matches. */
    sections: z.record(z.string(), z.string().regex(/^[0-9a-f]{12}$/)),
    /** Section id -> the source section's hash and the units translated so far (a section is in `sections` or here, not both). */
    partial: z
      .record(
        z.string(),
        z
          .object({
            source: z.string().regex(/^[0-9a-f]{12}$/),
            units: z.array(z.number().int().min(1).max(100_000)).max(100_000),
          })
          .strict(),
      )
      .optional(),
    /** Units (`<section>.<n>`) whose translation is rightly the source's own text (a name, a symbol): not reported as left untranslated. */
    identical: z
      .array(z.string().regex(/^[\w-]+\.\d+$/))
      .max(100_000)
      .optional(),
  })
  .strict();

export type Provenance = z.infer<typeof provenanceSchema>;

/** Parses a provenance file, or says what is wrong with it. */
export function parseProvenance(text: string, file: string): Provenance {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
  const result = provenanceSchema.safeParse(json);
  if (!result.success)
    throw new Error(
      `${file}: ${schemaIssues(result.error, json)
        .map((i) => `${i.path || "(root)"}: ${i.message}`)
        .join("; ")}`,
    );
  return result.data;
}

/** The file's text: sorted keys, two-space indent, newline at the end (stable diffs). */
export function formatProvenance(p: Provenance): string {
  const sorted = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  const partial = Object.entries(p.partial ?? {})
    .filter(([id]) => !(id in p.sections))
    .map(([id, { source, units }]) => [id, { source, units: [...new Set(units)].sort((a, b) => a - b) }] as const);
  const identical = [...new Set(p.identical ?? [])].sort();
  return `${JSON.stringify(
    {
      source: p.source,
      sections: sorted(p.sections),
      ...(partial.length ? { partial: sorted(Object.fromEntries(partial)) } : {}),
      ...(identical.length ? { identical } : {}),
    },
    null,
    2,
  )}\n`;
}
