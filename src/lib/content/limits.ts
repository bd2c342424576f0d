/**
 * The most a contributed file may be or hold. Every limit is checked before the file's content
 * is parsed further, so a refusal costs at most a read of the file; a file past a limit is
 * refused with one line naming it.
 */
export const CONTENT_LIMITS = {
  /** Bytes of one chapter file (content/<locale>/<chapter>/index.mdx); a long tutorial is ~80 KB. */
  chapterBytes: 1024 * 1024,
  /** Levels of nesting (lists, quotes, emphasis, links, components) in a chapter. */
  depth: 64,
  /**
   * Looks the parser may take to pair a chapter file's emphasis markers (src/lib/content/emphasisWork.ts):
   * a million took it 0.2 to 0.45 s to parse, whatever their shape; the course's chapters take a look or two.
   */
  emphasisWork: 1_000_000,
  /**
   * What a chapter file's paragraphs cost the parser's passes over them (src/lib/content/inlineWork.ts):
   * each break in a paragraph's text (a line break, an escape, a code span, a bracket, a tilde…)
   * costs a pass over the paragraph, so a paragraph's cost grows with the square of its breaks
   * (20,000 `x]` in one paragraph took 33 s, 20,000 `&amp;` 9.3 s). The work for a file (three
   * million took 0.1 to 0.7 s to parse, whatever the shape: Tutorial 1 costs about 200), and
   * the most square brackets and tilde runs in one paragraph (a paragraph of the course holds a
   * few dozen brackets and no tilde); brackets nest at most `depth` levels.
   */
  inlineWork: 3_000_000,
  bracketsPerParagraph: 2_000,
  tildeRunsPerParagraph: 1_000,
  /**
   * Parts of one paragraph, list or section (children of one node of the syntax tree). Tree
   * walkers look a node up among its siblings, so a node with n children costs n² there: a cap
   * keeps every walk over a chapter linear. A long chapter has a few hundred blocks.
   */
  children: 2_000,
  /**
   * Levels of elements in one formula as KaTeX draws it. A fraction adds 7: the deepest formula
   * of Tutorial 1 has 28; the page's compiler walks the drawing recursively and ran out of stack
   * between 2,100 and 2,800 levels (150 and 200 nested `\underbrace`s) when measured.
   */
  formulaDepth: 256,
  /** Milliseconds reading one chapter file may take (parsing it, checking it) before it is refused. */
  checkMs: 15_000,
  /** Memory (MB of JavaScript heap) that reading and checking chapters may use. */
  checkHeapMb: 768,
  /** Bytes of one image beside a chapter. */
  imageBytes: 8 * 1024 * 1024,
  /**
   * Pixels decoding images costs (width × height × frames: every frame of an animation is
   * decoded), for one image, for the images of one chapter file and for the whole course, and
   * the longest side. Decoding and re-encoding took 0.07 to 0.13 s per million pixels here (one
   * 40-million-pixel PNG added 2.8 s and 240 MB of peak memory to a build; twelve added 61 s), so
   * the course's limit bounds the build's image work near two minutes; a notebook's figure is
   * under a million.
   */
  imagePixels: 40_000_000,
  chapterImagePixels: 64_000_000,
  courseImagePixels: 1_000_000_000,
  imageSide: 16_384,
  /** Bytes of one file of UI strings, of the glossary, of a translation record. */
  stringsBytes: 512 * 1024,
} as const;

/** Image files a chapter may show, by extension (lower case). */
export const IMAGE_EXTENSIONS = ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg"] as const;
