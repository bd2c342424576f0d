/** The parts of the project a build or the translators' tools read (what a copy of it needs). */
export const PROJECT_PARTS = [
  "course.config.ts",
  "content",
  "chapters",
  "datasets",
  "src",
  "public",
  "scripts",
  "package.json",
  "astro.config.mjs",
  "tsconfig.json",
] as const;
