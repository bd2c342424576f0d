import { z } from "astro/zod";
import { schemaIssues } from "../../lib/schemaIssues.ts";

/**
 * What a translated chapter was translated from (content/<locale>/<chapter>/translation.json):
 * per section id, the hash of the source section's normalized text when a translator last
 * brought the section up to date. Written by `npm run i18n:mark`.
 */
export const provenanceSchema = z
  .object({
    /** The locale this chapter was translated from. */
    source: z.string(),
    /** Section id -> sectionHash() of the source section it matches. */
    sections: z.record(z.string(), z.string().regex(/^[0-9a-f]{12}$/)),
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
      `${file}: ${schemaIssues(result.error)
        .map((i) => `${i.path || "(root)"}: ${i.message}`)
        .join("; ")}`,
    );
  return result.data;
}

/** The file's text: sorted keys, two-space indent, newline at the end (stable diffs). */
export function formatProvenance(p: Provenance): string {
  const sections = Object.fromEntries(Object.entries(p.sections).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ source: p.source, sections }, null, 2)}\n`;
}
