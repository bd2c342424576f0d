import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { placeholders } from "../../src/translation/strings/strings.ts";
import { fillTemplate } from "../../src/lib/text/template.ts";
import { formatMessage, messageProblem } from "../../src/translation/strings/messageFormat.ts";
import { ROOT } from "../helpers/run.ts";

describe("UI string templates", () => {
  const results = "{count, plural, one {# section matches} other {# sections match}}";
  it("picks each language's plural form, with the number formatted for the locale", () => {
    expect(fillTemplate(results, { count: 1 }, "en")).toBe("1 section matches");
    expect(fillTemplate(results, { count: 0 }, "en")).toBe("0 sections match");
    expect(fillTemplate(results, { count: 1200 }, "en")).toBe("1,200 sections match");
    // Polish has more forms than English: 2-4 and 5+ differ.
    const pl = "{n, plural, one {# wynik} few {# wyniki} many {# wyników} other {# wyniku}}";
    expect([1, 2, 5, 22].map((n) => fillTemplate(pl, { n }, "pl"))).toEqual(["1 wynik", "2 wyniki", "5 wyników", "22 wyniki"]);
    expect(fillTemplate("{count} 件", { count: 3 }, "ja")).toBe("3 件");
    expect(fillTemplate("{n, plural, =0 {none} other {#}}", { n: 0 })).toBe("none");
  });

  it("counts a plural as its placeholder, so translations are checked against it", () => {
    expect(placeholders(results)).toEqual(["count"]);
    expect(placeholders("{count} 件 / {query}")).toEqual(["count", "query"]);
  });

  it("refuses a missing parameter and keeps braces that are not placeholders", () => {
    expect(() => fillTemplate("{count} x", {})).toThrow("missing parameter {count}");
    expect(fillTemplate("f(x) = {a b}", {})).toBe("f(x) = {a b}");
  });
});

// The build formats with intl-messageformat; the browser with the subset formatter above (the
// library would be most of the browser's budget). They must agree on every string we ship.
describe("the browser's formatter agrees with intl-messageformat", () => {
  const tables = readdirSync(join(ROOT, "src/translation/ui"))
    .filter((f) => f.endsWith(".json") && f !== "identical.json")
    .map((f) => [f, f.slice(0, -5)] as const)
    .concat(
      readdirSync(join(ROOT, "chapters"), { recursive: true, encoding: "utf8" })
        .filter((f) => /\/strings\/[A-Za-z-]+\.json$/.test(f) && !f.endsWith("identical.json"))
        .map((f) => [`../../../chapters/${f}`, /([A-Za-z-]+)\.json$/.exec(f)![1]!] as const),
    );
  it.each(tables)("%s", (file, locale) => {
    const table = JSON.parse(readFileSync(join(ROOT, "src/translation/ui", file), "utf8")) as Record<string, string>;
    for (const [key, text] of Object.entries(table)) {
      const names = placeholders(text);
      for (const n of [0, 1, 2, 5, 21, 1200]) {
        const params = Object.fromEntries(
          names.map((name) => [name, new RegExp(`\\{${name}\\s*,\\s*plural`).test(text) ? n : `‹${name}›`]),
        );
        expect(fillTemplate(text, params, locale), `${file} ${key}`).toBe(formatMessage(text, params, locale));
      }
    }
  });

  it("intl-messageformat finds a broken message the subset formatter would have let through", () => {
    expect(messageProblem("{count, plural, one {# x}}", "en")).not.toBeNull();
    expect(messageProblem("{count, plural, one {# x} other {# xs}}", "en")).toBeNull();
  });
});
