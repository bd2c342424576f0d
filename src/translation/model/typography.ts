import type { Root } from "mdast";
import type { CourseConfig } from "../../lib/courseConfig.ts";
import { toString } from "mdast-util-to-string";
import { visitParents } from "unist-util-visit-parents";
import { PROSE_PROPS } from "./proseProps.ts";

/** A punctuation or spacing problem: where in the text (0-based offset) and what to write instead. */
export interface TypographyProblem {
  readonly offset: number;
  readonly message: string;
}

/** A problem in a file, by line. */
export interface LocatedProblem {
  readonly line: number;
  readonly message: string;
}

// Kana, kanji, full-width forms and CJK punctuation: what a Japanese sentence is made of.
const JA = "\\u3040-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff\\uff01-\\uff60\\u3000-\\u303f";
const AFTER_JA = new RegExp(`(?<=[${JA}])(\\?|!|:|\\(|\\)|\\.\\.\\.)|(?<=\\d)(:)(?=\\s?[${JA}])`, "g");
const PAREN_AROUND_JA = new RegExp(`\\(([^()]*[${JA}][^()]*)\\)`, "g");
const WIDE: Record<string, string> = { "?": "？", "!": "！", ":": "：", "(": "（", ")": "）", "...": "…" };

/**
 * Japanese sentences take full-width ！？：（） and …: a half-width mark right after Japanese text,
 * or half-width parentheses around it, is reported. Latin text keeps its own punctuation.
 */
export function japanesePunctuation(text: string): TypographyProblem[] {
  const problems: TypographyProblem[] = [];
  for (const m of text.matchAll(AFTER_JA)) {
    const mark = m[1] ?? m[2]!;
    problems.push({ offset: m.index, message: `half-width "${mark}" in Japanese text: write "${WIDE[mark]}"` });
  }
  for (const m of text.matchAll(PAREN_AROUND_JA))
    if (!problems.some((p) => p.offset === m.index))
      problems.push({ offset: m.index, message: `half-width parentheses around Japanese text: write "（${m[1]}）"` });
  return problems.sort((a, b) => a.offset - b.offset);
}

const NUMBERED = /^(.*?[^\s\d.])\s*(\d+(?:\.\d+)*)\s*[:：]\s*(.*)$/u;

/**
 * A numbered Japanese heading is written one way everywhere: the label, a space, the number,
 * a full-width colon and the title (`セクション 1.2：…`). A label ending in full-width punctuation
 * takes no space (`考えよう！5：…`).
 */
export function japaneseHeadingForm(heading: string): TypographyProblem[] {
  // A heading is a line of words: a long one is not a numbered heading (and the pattern stays cheap).
  const m = heading.length <= 300 ? NUMBERED.exec(heading) : null;
  if (!m) return [];
  const [, label, number, title] = m as unknown as [string, string, string, string];
  const fullLabel = label.replace(/[!?]$/, (c) => WIDE[c]!);
  const wide = /[\uff01-\uff60\u3000-\u303f]$/.test(fullLabel);
  const want = `${fullLabel}${wide ? "" : " "}${number}：${title}`;
  return want === heading ? [] : [{ offset: 0, message: `numbered heading "${heading}": write "${want}"` }];
}

// Han characters, bopomofo and CJK punctuation: what a Chinese sentence is made of.
const ZH = "\\u3100-\\u312f\\u3400-\\u9fff\\uf900-\\ufaff\\uff01-\\uff60\\u3000-\\u303f";
// A mark after Chinese, or after a half-width parenthesis closing Chinese (`(圖 1):`).
const AFTER_ZH = new RegExp(
  `(?<=[${ZH}])(,|\\?|!|:|;|\\(|\\)|\\.(?!\\d))|(?<=\\([^()]*[${ZH}][^()]*\\))([,:;.?!])|(?<=\\d)([:;,])(?=\\s?[${ZH}])`,
  "g",
);
const PAREN_AROUND_ZH = new RegExp(`\\(([^()]*[${ZH}][^()]*)\\)`, "g");
const ZH_WIDE: Record<string, string> = { ",": "，", "?": "？", "!": "！", ":": "：", ";": "；", "(": "（", ")": "）", ".": "。" };

/**
 * Chinese sentences (Traditional and Simplified) take full-width ，。？！：；（）: a half-width
 * mark right after a Han character, or half-width parentheses around Chinese, is reported.
 */
export function chinesePunctuation(text: string): TypographyProblem[] {
  const problems: TypographyProblem[] = [];
  for (const m of text.matchAll(AFTER_ZH)) {
    const mark = m[1] ?? m[2] ?? m[3]!;
    problems.push({ offset: m.index, message: `half-width "${mark}" in Chinese text: write "${ZH_WIDE[mark]}"` });
  }
  for (const m of text.matchAll(PAREN_AROUND_ZH))
    if (!problems.some((p) => p.offset === m.index))
      problems.push({ offset: m.index, message: `half-width parentheses around Chinese text: write "（${m[1]}）"` });
  return problems.sort((a, b) => a.offset - b.offset);
}

/** A set of typography rules, one per writing tradition (the course file lists them: src/lib/courseConfig.ts). */
export type TypographyRules = CourseConfig["typography"][string];

const RULES: Readonly<
  Record<
    TypographyRules,
    { readonly text: (t: string) => TypographyProblem[]; readonly heading?: (h: string) => TypographyProblem[] } | null
  >
> = {
  ja: { text: japanesePunctuation, heading: japaneseHeadingForm },
  zh: { text: chinesePunctuation },
  none: null,
};

/**
 * The rules a locale's text follows: the course's choice for it (course.config.ts `typography`),
 * else its script's (the tag's likely script, as CLDR has it: Japanese for `ja`, Chinese for
 * `zh`, `zh-Hant-TW`, `zh-Hans`, `yue-Hant`), else none (Korean and Latin scripts keep their own
 * punctuation).
 */
export function typographyRules(locale: string, chosen: Readonly<Record<string, TypographyRules>> = {}): TypographyRules {
  if (chosen[locale]) return chosen[locale];
  let script: string | undefined;
  try {
    script = new Intl.Locale(locale).maximize().script;
  } catch {
    return "none";
  }
  return script === "Jpan" ? "ja" : script === "Hant" || script === "Hans" ? "zh" : "none";
}

/** Whether text under these rules is checked at all. */
export function hasTypographyRules(rules: TypographyRules): boolean {
  return RULES[rules] !== null;
}

/** Problems in one piece of text (a UI string, a prop) under a locale's rules. */
export function textTypography(rules: TypographyRules, text: string): TypographyProblem[] {
  return RULES[rules]?.text(text) ?? [];
}

const lineOf = (text: string, offset: number, first: number) => first + (text.slice(0, offset).match(/\n/g)?.length ?? 0);

/**
 * Typography problems of a chapter under a locale's rules, read from its syntax tree: prose text (not code
 * or maths), prose props of components, and the form of numbered headings.
 */
export function chapterTypography(name: TypographyRules, tree: Root): LocatedProblem[] {
  const rules = RULES[name];
  if (!rules) return [];
  const problems: LocatedProblem[] = [];
  visitParents(tree, (node) => {
    if (node.type === "text") {
      const first = node.position?.start.line ?? 1;
      for (const p of rules.text(node.value)) problems.push({ line: lineOf(node.value, p.offset, first), message: p.message });
    } else if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      for (const attr of node.attributes) {
        if (attr.type !== "mdxJsxAttribute" || typeof attr.value !== "string" || !PROSE_PROPS.includes(attr.name)) continue;
        for (const p of rules.text(attr.value))
          problems.push({ line: node.position?.start.line ?? 1, message: `${attr.name}="…": ${p.message}` });
      }
    } else if (node.type === "heading" && rules.heading) {
      const text = toString(node)
        .replace(/\s*\{#[\w-]+\}\s*$/, "")
        .trim();
      for (const p of rules.heading(text)) problems.push({ line: node.position?.start.line ?? 1, message: p.message });
    }
  });
  return problems.sort((a, b) => a.line - b.line);
}
