import type { APIRoute } from "astro";
import { siteTranslationStatus } from "../pageModel/translationStatus.ts";

/** dist/translation-status.json: what /translation-status/ shows, for tools and dashboards. */
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(siteTranslationStatus(), null, 1)}\n`, { headers: { "content-type": "application/json" } });
