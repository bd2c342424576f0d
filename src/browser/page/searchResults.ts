import { fillTemplate } from "../../lib/text/template.ts";
import { excerptText, matchesQuery, queryTerms, trimExcerpt } from "../../lib/search/relevance.ts";

interface PagefindResult {
  url: string;
  meta: { title?: string };
  excerpt: string;
  content: string;
  sub_results?: SubResult[];
}
interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: { balanced_score: number }[];
}

/** How well a section matches: its best word match, then how many matches (Pagefind lists sections in page order). */
function score(s: SubResult): [number, number] {
  const scores = (s.weighted_locations ?? []).map((w) => w.balanced_score);
  return [Math.max(0, ...scores), scores.reduce((a, b) => a + b, 0)];
}
interface Pagefind {
  options(o: { baseUrl: string }): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

/**
 * The search box's results: Pagefind (its index and code) loaded at once, and a function that
 * shows what a query finds, keeping only the latest query's answer.
 */
export function searchResults(box: HTMLElement): (query: string) => Promise<void> {
  const results = box.querySelector<HTMLElement>(".search-results")!;
  const base = box.dataset.base ?? "/";
  const pagefind = import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (m: Pagefind) => {
    await m.options({ baseUrl: base });
    return m;
  });
  pagefind.catch(() => undefined);
  let latest = "";
  return async (query: string) => {
    latest = query;
    if (!query.trim()) {
      results.replaceChildren();
      return;
    }
    const terms = queryTerms(query);
    const found = await (await pagefind).search(query);
    const data = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    if (query !== latest) return; // a newer query is on its way
    // Only hits whose text holds the query (Pagefind also finds prefixes and pieces of words).
    const hits: SubResult[][] = [];
    for (const page of data) {
      if (!matchesQuery(page.content, terms)) continue;
      const ranked = [...(page.sub_results ?? [])]
        .filter((s) => matchesQuery(`${s.title} ${excerptText(s.excerpt)}`, terms))
        .sort((a, b) => {
          const [ma, sa] = score(a);
          const [mb, sb] = score(b);
          return mb - ma || sb - sa;
        });
      hits.push(ranked.length ? ranked : [{ title: page.meta.title ?? page.url, url: page.url, excerpt: page.excerpt }]);
    }
    // The count says how many sections are listed (up to 3 from each of 6 pages), so the two agree.
    const shown = hits.slice(0, 6).flatMap((subs) => subs.slice(0, 3));
    const count = shown.length;
    results.replaceChildren();
    const list = document.createElement("ol");
    for (const s of shown) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = s.url;
      link.textContent = s.title;
      const excerpt = document.createElement("p");
      excerpt.innerHTML = trimExcerpt(s.excerpt); // Pagefind's excerpt of our own page, with <mark>s
      item.append(link, excerpt);
      list.append(item);
    }
    const status = document.createElement("p");
    status.className = "search-count";
    const locale = box.dataset.locale ?? document.documentElement.lang;
    status.textContent = count
      ? fillTemplate(box.dataset.resultsLabel ?? "", { count }, locale)
      : fillTemplate(box.dataset.empty ?? "", { query }, locale);
    results.append(status, list);
  };
}
