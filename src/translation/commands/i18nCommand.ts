import { resolve } from "node:path";
import { localeSpellingProblems, matchLocale } from "../locales.ts";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError, type Command, type Terminal } from "../../lib/cli/runCli.ts";
import { refusedChapterFiles } from "../../checks/checkCourse.ts";
import { listChapterFiles } from "../../lib/content/chapterFiles.ts";
import { ContentTree } from "../status/contentTree.ts";
import { courseOfRoot } from "../../course/courseFile.ts";
import { courseField } from "../../course/courseTranslations.ts";
import { formatProblem, type Problem } from "../../lib/problem.ts";

/** Files the tools may not work on (a chapter, a misspelt locale): each named on a line of its own. */
class ContentRefusedError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(`${problems.length} file(s) refused:\n  ${problems.map(formatProblem).join("\n  ")}`);
    this.problems = problems;
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** What every translators' command is told: its options, the project, the locale asked for. */
export interface CommandInput {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
  readonly tree: ContentTree;
  /** `--locale`, checked against the project's locales; undefined when not given. */
  readonly locale: string | undefined;
  /** The project's locale a tag given on the command line names (any case, gettext's `zh_TW`), said when spelled otherwise; a usage error when none. */
  readonly resolveLocale: (asked: string) => string;
  /** Where the command writes. */
  readonly terminal: Terminal;
}

/**
 * One of the i18n commands (scripts/i18n-*.ts run it; a test can run it in process): `--help`
 * prints what it does and exits 0; `--locale` and `--root` are understood by all of them (the
 * locale must be one the project has); a wrong option prints the usage and exits 2. `main`
 * returns its exit status (0 when it returns nothing).
 */
export function i18nCommand(
  spec: { usage: string; help: string; options?: Options; positionals?: boolean },
  main: (input: CommandInput) => unknown,
): Command {
  return {
    usage: spec.usage,
    main: async (terminal) => {
      let parsed;
      try {
        parsed = parseArgs({
          args: [...terminal.args],
          allowPositionals: spec.positionals ?? false,
          options: {
            ...spec.options,
            help: { type: "boolean", short: "h" },
            locale: { type: "string" },
            root: { type: "string" },
          },
        });
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const values = parsed.values as CommandInput["values"];
      if (values.help) {
        terminal.out(`${spec.usage}\n\n${spec.help.trim()}\n`);
        return 0;
      }
      const root = resolve((values.root as string | undefined) ?? resolve(import.meta.dirname, "../../.."));
      const course = await courseOfRoot(root);
      const tree = new ContentTree(
        root,
        course.sourceLocale,
        course.typography,
        {
          title: courseField(course, "title"),
          tagline: courseField(course, "tagline"),
          licence: courseField(course, "licence"),
        },
        course.frontmatter,
      );
      const resolveLocale = (asked: string): string => {
        const found = matchLocale(asked, tree.locales());
        if (found === undefined) throw new UsageError(`no locale "${asked}" (locales: ${tree.locales().join(", ")})`);
        if (found !== asked) terminal.err(`"${asked}" is this course's ${found}\n`);
        return found;
      };
      const asked = values.locale as string | undefined;
      const locale = asked === undefined ? undefined : resolveLocale(asked);
      // Files no tool may read further (links, too large, too slow to parse) stop every command first.
      const refused = [
        ...localeSpellingProblems(tree.root),
        ...(await refusedChapterFiles(
          tree.root,
          listChapterFiles(tree.root).map((f) => f.file),
        )),
      ];
      if (refused.length) throw new ContentRefusedError(refused);
      return main({ values, positionals: parsed.positionals, tree, locale, resolveLocale, terminal });
    },
  };
}
