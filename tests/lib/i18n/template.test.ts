import { describe, expect, it } from "vitest";
import { placeholders } from "../../../src/translation/strings/strings.ts";
import { fillTemplate } from "../../../src/shared/template.ts";

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
