import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import type { PluggableList } from "unified";

/**
 * The syntax a chapter is written in, beyond MDX itself: GitHub-flavoured Markdown (tables,
 * footnotes, strikethrough; Astro's MDX turns it on by default, and astro.config.mjs says so)
 * and `$…$` maths. The content checks parse with exactly these, so they see the tree the
 * compiler compiles.
 */
export const CHAPTER_SYNTAX: PluggableList = [remarkGfm, remarkMath];

/** The maths syntax alone, for the site's Markdown configuration (GFM is the MDX integration's own switch). */
export { remarkMath };
