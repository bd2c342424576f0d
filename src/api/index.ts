/**
 * The authoring API (`import … from "#course"`): what a chapter's module, its cells and a
 * dataset declaration use to say what they compute and draw. The generator reads these
 * declarations; a chapter imports nothing else of the generator except the pure helpers under
 * `#lib/` (analysis, plot, format, and the kit of a kind of data, such as `#lib/spikes/` for
 * spike times: its dataset declaration and file sets; AUTHORING.md lists them).
 */
export * from "./course.ts";
export * from "./outputs.ts";
export * from "./types.ts";
