import type { APIRoute } from "astro";
import { sitePath } from "../pageModel/routing.ts";
import { settings } from "../pageModel/course.ts";

/** Everything may be indexed; with a known address (SITE_URL) the sitemap is named. */
export const GET: APIRoute = () =>
  new Response(
    `User-agent: *\nAllow: /\n${settings.url ? `\nSitemap: ${new URL(sitePath("sitemap-index.xml"), `${settings.url}/`).href}\n` : ""}`,
    {
      headers: { "content-type": "text/plain; charset=utf-8" },
    },
  );
