// The chapters' on-demand data files (a neuron's ISIs, a block of the recording), written at
// build time so the browser fetches only the one it needs.
import type { APIRoute, GetStaticPaths } from "astro";
import { CHAPTERS } from "../../cells/registry.ts";
import { chapterFiles } from "../../data/chapterData.ts";

export const getStaticPaths: GetStaticPaths = async () => {
  const paths = [];
  for (const slug of Object.keys(CHAPTERS)) {
    for (const file of (await chapterFiles(slug)).keys()) paths.push({ params: { path: `${slug}/${file}` } });
  }
  return paths;
};

export const GET: APIRoute = async ({ params }) => {
  const path = params.path!;
  const slug = Object.keys(CHAPTERS).find((s) => path.startsWith(`${s}/`))!;
  const bytes = (await chapterFiles(slug)).get(path.slice(slug.length + 1))!;
  return new Response(bytes as BodyInit, { headers: { "content-type": "application/octet-stream" } });
};
