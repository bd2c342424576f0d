import { hostUrl } from "../courseConfig.ts";

/** Where a chapter's slides are downloaded from: the course's slides host with the frontmatter's id. */
export function slidesUrl(host: string, id: string): string {
  return hostUrl(host, id);
}
