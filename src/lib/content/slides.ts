/** Where a chapter's slides are downloaded from (the OSF id in its frontmatter's `slides`). */
export function slidesUrl(id: string): string {
  return `https://osf.io/download/${id}/`;
}
