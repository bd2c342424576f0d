import { readFileSync } from "node:fs";
import type { Root } from "mdast";
import type { Processor } from "unified";
import type { VFile } from "vfile";
import { blankFrontmatter } from "../../lib/content/parseMdx.ts";
import { pointImages } from "../../checks/chapterImages.ts";
import { mergeSections } from "../model/mergeSections.ts";
import { markSourceUnits } from "../model/sourceUnits.ts";
import { segmentsOf } from "../exchange/segments.ts";
import { bySection } from "../exchange/units.ts";
import { pageTranslation } from "./translation.ts";
import { chapterFilePath, chapterOfFilePath } from "../../lib/content/chapterFiles.ts";

/**
 * A partly translated chapter keeps every section: those not translated yet (no translation
 * recorded, or absent from the file) are taken from the source chapter, parsed by this same
 * processor, and wrapped so the page marks them; in a section translated in part, each
 * paragraph and heading not translated yet is the source's, marked the same way. Runs after the content policy has passed the
 * translation (the source passes it on its own page); a source chapter is left as it is.
 */
export default function remarkSourceSections(this: Processor, options: { readonly sourceLocale: string }) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the processor parses the source with the same syntax
  const processor = this;
  return (tree: Root, file: VFile): Root | undefined => {
    const match = file.path ? chapterOfFilePath(file.path) : null;
    if (!match) return undefined;
    const { root, locale, slug } = match;
    const translation = pageTranslation({ root, sourceLocale: options.sourceLocale }, locale, slug);
    if (translation.fromSource.size === 0 && translation.partial.size === 0) return undefined;
    const sourceFile = chapterFilePath(translation.sourceLocale, slug);
    const sourceText = blankFrontmatter(readFileSync(`${root}/${sourceFile}`, "utf8"));
    const source = processor.parse(sourceText) as Root;
    // The source's images are its folder's files: pointed at from the translation's folder.
    pointImages(source, root, sourceFile, null, chapterFilePath(locale, slug));
    if (translation.partial.size) {
      // Paragraph by paragraph: the segments are read from the same text the tree was parsed from.
      const mine = bySection(segmentsOf(String(file.value)));
      const theirs = bySection(segmentsOf(sourceText));
      markSourceUnits(tree, source, mine, theirs, translation.partial, translation.sourceLocale);
    }
    return translation.fromSource.size ? mergeSections(tree, source, translation.fromSource) : tree;
  };
}
