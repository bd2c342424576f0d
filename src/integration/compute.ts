import type { DatasetDeclaration, LoadedDataset, LoadEnvironment } from "../api/course.ts";
import type { PythonOutput } from "../api/outputs.ts";
import type { AnyView, FetchFile, Translate } from "../api/types.ts";
import type { PlotOptions } from "@observablehq/plot";
import type { DiscoveredChapter } from "./discover.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkInputSpecs } from "./checkInputs.ts";
import { CourseError } from "./courseError.ts";
import { FileRegistry } from "./files.ts";
import { markFallbackTexts } from "./fallbackMarks.ts";
import { NARROW_WIDTH, renderCell } from "./render.ts";
import { firstMoveAnswers } from "./firstMoveAnswers.ts";
import { renderPlot } from "../lib/plot/ssr.ts";
import { scriptJson } from "../lib/text/scriptJson.ts";
import type { ChapterLocale, ChapterStore, RenderedCell, RenderedDataset } from "../course/chapterStore.ts";
import { layeredTranslator, type StringTable } from "../translation/strings/strings.ts";
import { Timings } from "./timings.ts";

/** A chapter computed: what its pages show, and its figures' first-move answers (file path → JSON), served apart. */
export interface ComputedChapter {
  readonly store: ChapterStore;
  readonly answers: Readonly<Record<string, string>>;
}

/** What a build knows about its site: where it is, its languages and the site's UI strings. */
export interface BuildSite {
  readonly environment: LoadEnvironment;
  /** The site's locales, the source first or not: every chapter is computed for each. */
  readonly locales: readonly string[];
  readonly sourceLocale: string;
  /** The site's base path, /course/ or /. */
  readonly base: string;
  readonly coreStrings: (locale: string) => StringTable;
  /** Reader-facing strings of each dataset, by id then locale. */
  readonly datasetStrings: ReadonlyMap<string, ReadonlyMap<string, StringTable>>;
}

/** UI strings the browser runtime itself needs, besides the chapter's. */
const CLIENT_CORE_KEYS = [
  "status.loading",
  "status.figureLoading",
  "status.error",
  "status.drawError",
  "status.actionDone",
  "action.retry",
  "control.valueWithUnit",
  "number.timesTenTo",
  // What a cell scaffolded from a notebook's widget demo draws until its computation is written.
  "figure.notComputed",
];

/**
 * One build's computation: datasets loaded and validated once each (whatever the number of
 * chapters and locales that use them), each chapter's payloads, outputs, values and figures
 * for every locale, and the browser's files registered by content address. Holds no global
 * state: a build (or a test) makes its own.
 */
export class CourseData {
  readonly timings = new Timings();
  readonly files = new FileRegistry();
  private readonly datasets = new Map<string, LoadedDataset<unknown>>();

  readonly config: BuildSite;

  constructor(config: BuildSite) {
    this.config = config;
  }

  /** Forgets every loaded dataset (the dev server, after a dataset's declaration changed). */
  forgetDatasets(): void {
    this.datasets.clear();
  }

  /** A dataset, loaded the first time a chapter asks for it. */
  dataset<T>(declaration: DatasetDeclaration<T>): LoadedDataset<T> {
    let loaded = this.datasets.get(declaration.id);
    if (!loaded) {
      loaded = this.timings.time("data: load + validate", () => declaration.load(this.config.environment));
      this.datasets.set(declaration.id, loaded);
    }
    return loaded as LoadedDataset<T>;
  }

  /** How many datasets were loaded so far. */
  get datasetCount(): number {
    return this.datasets.size;
  }

  private datasetStrings(id: string, locale: string): StringTable {
    const byLocale = this.config.datasetStrings.get(id);
    return { ...byLocale?.get(this.config.sourceLocale), ...byLocale?.get(locale) };
  }

  /** Stops the build on any mistake in the chapter's controls (checkInputSpecs), all of them listed. */
  private checkControls(chapter: DiscoveredChapter, payloads: Record<string, unknown>): void {
    const source = this.config.sourceLocale;
    const strings = { ...this.config.coreStrings(source), ...chapter.strings.get(source) };
    const stringsFile = chapter.file.replace(/chapter\.ts$/, `strings/${source}.json`);
    const problems = chapter.cells.flatMap(({ view }) => {
      if (!view.interaction) return [];
      const file = chapter.views.get(view.id)?.file ?? chapter.file;
      const text = readFileSync(join(this.config.environment.root, file), "utf8");
      return checkInputSpecs(view.interaction.inputs(payloads[view.id]), { file, text, id: view.id }, strings, stringsFile);
    });
    if (problems.length) throw new CourseError(problems);
  }

  /** The content keys of the data a chapter reads (each dataset loaded once). */
  dataKeys(chapter: DiscoveredChapter): string[] {
    return Object.values(chapter.definition.datasets).map((d) => this.dataset(d).info.key);
  }

  /** A locale's strings for a chapter's figures, looked up in order: the chapter's in that locale, in the source's, the site's. */
  private stringLayers(chapter: DiscoveredChapter, locale: string): StringTable[] {
    return [chapter.strings.get(locale) ?? {}, chapter.strings.get(this.config.sourceLocale) ?? {}, this.config.coreStrings(locale)];
  }

  /** Registers the browser's file sets a chapter declares; returns each one's address under the site, by name. */
  registerFiles(chapter: DiscoveredChapter): Record<string, string> {
    return this.served(this.fileFolders(chapter));
  }

  /** Folders (`data/<key>/`) as the site serves them, under its base path. */
  private served(folders: Readonly<Record<string, string>>): Record<string, string> {
    return Object.fromEntries(Object.entries(folders).map(([name, folder]) => [name, this.config.base + folder]));
  }

  /** Each of the chapter's file sets, registered: its folder (`data/<key>/`), by name. */
  private fileFolders(chapter: DiscoveredChapter): Record<string, string> {
    const { definition } = chapter;
    return Object.fromEntries(
      Object.entries(definition.files ?? {}).map(([name, { set, dataset }]) => {
        const source = this.dataset(definition.datasets[dataset]!);
        const folder = this.files.register(`${source.info.key}\n${set.id}`, () =>
          this.timings.time("data: files for the browser", () => set.build(source.value as never)),
        );
        return [name, folder];
      }),
    );
  }

  /**
   * Registers a chapter's first-move answers (file path → JSON) as a file set of their own;
   * returns its address under the site. A chapter read back from the cache registers the same
   * files again, at the same address its pages name.
   */
  registerAnswers(answers: Readonly<Record<string, string>>): string {
    const encoder = new TextEncoder();
    const files = new Map(Object.entries(answers).map(([path, json]) => [path, encoder.encode(json)]));
    // By content: a chapter the development server computes again after an edit gets its new answers.
    const folder = this.files.register(`answers\n${FileRegistry.key(files)}`, () => files);
    return this.config.base + folder;
  }

  /** Reads the chapter's files as the browser would fetch them, from what this build registered. */
  private buildFetcher(chapter: DiscoveredChapter, folders: Readonly<Record<string, string>>): FetchFile {
    return (set, path) => {
      const bytes = folders[set] === undefined ? undefined : this.files.lookup(folders[set] + path);
      if (!bytes) return Promise.reject(new Error(`${chapter.file}: no file "${path}" in the file set "${set}"`));
      return Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    };
  }

  /**
   * What each interactive figure shows after a first move of one of its sliders, for every
   * locale (src/integration/firstMoveAnswers.ts), as files: `<locale>/<cell>/<n>-wide.json` and
   * `-narrow.json`, and per cell and locale the number of each move.
   */
  private async answers(
    chapter: DiscoveredChapter,
    payloads: Record<string, unknown>,
    folders: Readonly<Record<string, string>>,
  ): Promise<{ files: Record<string, string>; moves: Map<string, Record<string, number>> }> {
    const files: Record<string, string> = {};
    const moves = new Map<string, Record<string, number>>();
    const fetchFile = this.buildFetcher(chapter, folders);
    const draw = (options: PlotOptions, narrow: boolean) =>
      this.timings.time("figures: first-move answers", () => renderPlot(narrow ? { ...options, width: NARROW_WIDTH } : options, true));
    for (const locale of this.config.locales) {
      const t = layeredTranslator(
        this.stringLayers(chapter, locale),
        `${chapter.file} [${locale}]`,
        locale,
        chapter.file.replace(/chapter\.ts$/, `strings/${this.config.sourceLocale}.json`),
      );
      for (const { view } of chapter.cells) {
        if (!view.interaction) continue;
        const found = await firstMoveAnswers(view as unknown as AnyView, payloads[view.id], { locale, t }, fetchFile, draw);
        const numbers: Record<string, number> = {};
        [...found].forEach(([key, answer], n) => {
          numbers[key] = n;
          files[`${locale}/${view.id}/${n}-wide.json`] = JSON.stringify(answer.wide);
          files[`${locale}/${view.id}/${n}-narrow.json`] = JSON.stringify(answer.narrow);
        });
        if (found.size) moves.set(`${locale}\n${view.id}`, numbers);
      }
    }
    return { files, moves };
  }

  /** Computes everything a chapter's pages show, for every locale, and its figures' first-move answers. */
  async chapter(chapter: DiscoveredChapter): Promise<ComputedChapter> {
    const { definition } = chapter;
    const names = Object.keys(definition.datasets);
    const loaded = Object.fromEntries(names.map((name) => [name, this.dataset(definition.datasets[name]!)]));
    const data = Object.fromEntries(names.map((name) => [name, loaded[name]!.value]));
    const ctx = this.timings.time("data: summaries and payloads", () => ({ data, summary: definition.summarize(data as never) }));
    const payloads = this.timings.time("data: summaries and payloads", () =>
      Object.fromEntries(chapter.cells.map((c) => [c.view.id, c.data(ctx as never)])),
    );
    this.checkControls(chapter, payloads);
    const outputs: Record<string, PythonOutput> = Object.fromEntries(
      Object.entries(definition.outputs ?? {}).map(([id, output]) => [
        id,
        typeof output === "function" ? output(ctx as never) : output.fixed,
      ]),
    );
    const fixedOutputs = Object.entries(definition.outputs ?? {}).flatMap(([id, output]) => (typeof output === "function" ? [] : [id]));
    const folders = this.fileFolders(chapter);
    const files = this.served(folders);
    const answers = await this.answers(chapter, payloads, folders);
    const answersBase = Object.keys(answers.files).length ? this.registerAnswers(answers.files) : null;
    const answersOf = (locale: string, id: string) => {
      const moves = answers.moves.get(`${locale}\n${id}`);
      return moves && answersBase ? { base: `${answersBase}${locale}/${id}/`, moves } : undefined;
    };
    const locales = Object.fromEntries(
      this.config.locales.map((locale): [string, ChapterLocale] => {
        const layers = this.stringLayers(chapter, locale);
        // Which of the chapter's strings a cell used came from its own language and which from
        // the source's: a cell drawn only with the source's is marked as in the source language;
        // in a cell drawing with both, each label, readout and figure text that fell back is.
        let own = 0;
        let layerUsed = -1;
        const layered = layeredTranslator(
          layers,
          `${chapter.file} [${locale}]`,
          locale,
          chapter.file.replace(/chapter\.ts$/, `strings/${this.config.sourceLocale}.json`),
          (_key, layer) => {
            layerUsed = layer;
            if (layer === 0) own++;
          },
        );
        const fellBack = new Set<string>();
        const t: Translate = (key, params) => {
          layerUsed = -1;
          const text = layered(key, params);
          if (layerUsed === 1) fellBack.add(text);
          return text;
        };
        const plotContext = { locale, t };
        const sourceLocale = this.config.sourceLocale;
        const langOf = (render: () => RenderedCell): RenderedCell => {
          own = 0;
          fellBack.clear();
          const cell = render();
          if (locale === sourceLocale || fellBack.size === 0) return cell;
          const marked = markFallbackTexts(cell, fellBack, sourceLocale);
          return own === 0 ? { ...marked, lang: sourceLocale } : marked;
        };
        const time = (work: () => string) => this.timings.time("figures", work);
        const cells = Object.fromEntries(
          chapter.cells.map((c): [string, RenderedCell] => [
            c.view.id,
            langOf(() =>
              renderCell(c.view as unknown as AnyView, payloads[c.view.id], plotContext, files, time, answersOf(locale, c.view.id)),
            ),
          ]),
        );
        const values = Object.fromEntries(
          Object.entries(definition.values ?? {}).map(([key, value]) => [key, value(ctx as never, plotContext)]),
        );
        const datasets = names.map((name): RenderedDataset => {
          const strings = this.datasetStrings(loaded[name]!.info.id, locale);
          return { ...loaded[name]!.info, title: strings.title ?? loaded[name]!.info.id, howToReal: strings.howToReal ?? null };
        });
        const keys = [...new Set([...layers.slice(0, 2).flatMap((l) => Object.keys(l)), ...CLIENT_CORE_KEYS])];
        // Templates as written ({name} kept): the browser fills them in.
        const clientStrings = scriptJson(Object.fromEntries(keys.map((key) => [key, layers.find((l) => key in l)?.[key] ?? key])));
        return [locale, { cells, values, datasets, clientStrings }];
      }),
    );
    const nb = definition.notebook;
    const standIn = nb?.standIn;
    const standInSet = standIn ? definition.files?.[standIn.files] : undefined;
    if (standIn && !standInSet)
      throw new Error(`${chapter.file}: notebook.standIn.files names "${standIn.files}", which files does not declare`);
    const notebookData = nb
      ? {
          match: nb.dataCell,
          standIn:
            standIn && standInSet && loaded[standInSet.dataset]!.info.source !== "real"
              ? { load: standIn.load, url: `${files[standIn.files]!}${standIn.path}` }
              : null,
        }
      : null;
    return {
      store: { slug: chapter.slug, outputs, fixedOutputs, locales, notebookData, dataFolders: [...new Set(Object.values(files))].sort() },
      answers: answers.files,
    };
  }
}
