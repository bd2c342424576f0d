import remarkCjkFriendly from "remark-cjk-friendly";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import type { PluggableList } from "unified";

/**
 * The syntax a chapter is written in, beyond MDX itself: GitHub-flavoured Markdown (tables,
 * footnotes, strikethrough; Astro's MDX turns it on by default, and astro.config.mjs says so)
 * `$…$` maths, and emphasis that closes next to CJK punctuation (`**重要：**無論` is bold in
 * Chinese, Japanese and Korean, where CommonMark alone would show the asterisks). The content
 * checks parse with exactly these, so they see the tree the compiler compiles.
 */
export const CHAPTER_SYNTAX: PluggableList = [remarkGfm, remarkMath, remarkCjkFriendly];

/** The syntax beyond GFM, for the site's Markdown configuration (GFM is the MDX integration's own switch). */
export { remarkCjkFriendly, remarkMath };
