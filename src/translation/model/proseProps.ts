/**
 * Component props that hold prose a reader sees, so a translation words them in its own language
 * (a video's `title`, a hidden code cell's `hidden` label, ...). Every other prop is data (ids,
 * keys, video ids) and must be the same in every locale. TRANSLATING.md lists these.
 */
export const PROSE_PROPS: readonly string[] = ["title", "hidden", "summary", "alt", "caption", "label"];
