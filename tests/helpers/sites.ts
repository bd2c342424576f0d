import { createHash } from "node:crypto";
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BuildReport } from "../../src/integration/integration.ts";
import { commitAll, copyProject, PROJECT_PARTS } from "./project.ts";
import { ROOT, runScript } from "./run.ts";
import { prepareTestbed, TESTBED_FIXTURES } from "./testbed.ts";
import { prepareNotebookSite } from "./notebookSite.ts";
import { prepareHostileSite } from "./hostileSite.ts";

/**
 * The sites the tests read, each built once and shared: by every test file of a run, and by
 * later runs while nothing it is built from changed (its key hashes the project's files, the
 * fixtures laid over them, the preparation and the environment). A file that needs a site asks
 * for it; the first to ask builds it (others wait on a lock), in a copy of the project, with the
 * project's own build command.
 */
interface SiteSpec {
  /** Folders of tests/fixtures/ copied over the project (new files only). */
  readonly overlays?: readonly string[];
  /** Changes made to the copy after the overlays (then committed, when `git`). */
  readonly prepare?: (dir: string) => void | Promise<void>;
  /** The files and folders (from the project root) the preparation reads or is written in: part of the site's key. */
  readonly inputs?: readonly string[];
  readonly git?: boolean;
  readonly env?: Readonly<Record<string, string>>;
}

const SITES = {
  /** The course as it is, built as `npm run build` builds it. */
  default: {},
  /**
   * The same, built again from the first build's computed chapters (src/integration/chapterCache.ts):
   * two builds must be byte-identical, whether a chapter was computed or read back.
   */
  again: {
    prepare: async (dir: string) => {
      const first = await site("default");
      cpSync(join(first.project, ".cache/course"), join(dir, ".cache/course"), { recursive: true });
    },
  },
  /**
   * Hosted under a sub-path, with a public address; read from a real-format data file (the test
   * bed's small recording: what is under test is the addresses, and a build of it costs less).
   */
  subpath: {
    env: { BASE_PATH: "/course/", SITE_URL: "https://course.example.org", SPIKES_FILE: join(ROOT, "tests/fixtures/site/mini-734.npz") },
  },
  /**
   * The course with more added by files: the generator's test-bed chapter (every kind of cell,
   * a second dataset, half translated), AUTHORING.md's example chapter, a new locale with no
   * chapters (de) and one with a region started as TRANSLATING.md says (pt-BR), a stale and a deleted Japanese
   * section; read from a real-format data file, with a repository and without offline reading.
   */
  testbed: {
    overlays: TESTBED_FIXTURES,
    prepare: prepareTestbed,
    inputs: ["tests/helpers/testbed.ts"],
    git: true,
    env: {
      SPIKES_FILE: join(ROOT, "tests/fixtures/site/mini-734.npz"),
      SITE_REPOSITORY: "https://github.com/example/course",
      OFFLINE: "off",
    },
  },
  /**
   * A course made from notebooks as a new author makes it: the fixture notebooks imported in
   * English and Japanese (tests/helpers/notebookSite.ts), Tutorial 1 left out.
   */
  notebooks: {
    prepare: prepareNotebookSite,
    inputs: ["tests/helpers/notebookSite.ts", "tests/helpers/commands.ts", "tests/fixtures/notebooks"],
  },
  /**
   * A course whose chapter and one language (ko) hold markup and code where text belongs
   * (tests/helpers/hostileSite.ts), with a public address (so its sitemap lists its pages).
   */
  hostile: {
    prepare: prepareHostileSite,
    inputs: ["tests/helpers/hostileSite.ts"],
    env: { SITE_URL: "https://course.example.org" },
  },
} satisfies Record<string, SiteSpec>;

export type SiteName = keyof typeof SITES;

/** A built site: its folder (what a host serves), the path it is served under, the project copy it was built from, its build report. */
export interface BuiltSite {
  readonly dist: string;
  /** The base path it was built for (BASE_PATH): `/`, or `/course/` for the sub-path site. */
  readonly base: string;
  readonly project: string;
  readonly report: BuildReport;
}

// Not under .cache/: Astro writes its content-module files into the output when the project is in a folder named .cache.
const CACHE = join(ROOT, ".test-sites");

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/** The key of a site: everything its build reads or is told. */
function keyOf(name: SiteName, spec: SiteSpec): string {
  const hash = createHash("sha256").update(JSON.stringify({ name, env: spec.env ?? {}, overlays: spec.overlays ?? [], git: !!spec.git }));
  // The preparation: its code, and the modules and fixtures it reads (its inputs).
  if (spec.prepare) hash.update(spec.prepare.toString());
  const inputs = [
    ...PROJECT_PARTS,
    "package-lock.json",
    ...(spec.overlays ?? []).map((o) => `tests/fixtures/${o}`),
    ...(spec.inputs ?? []),
  ];
  for (const file of inputs.flatMap((p) => filesUnder(join(ROOT, p)))) hash.update(file.slice(ROOT.length)).update(readFileSync(file));
  if (spec.env?.SPIKES_FILE) hash.update(readFileSync(spec.env.SPIKES_FILE));
  return hash.digest("hex").slice(0, 16);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Holds `lock` while `work` runs (another process waits); a lock whose process is gone is taken over. */
async function withLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      const fd = openSync(lock, "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch {
      // A lock just made may not hold its process id yet: empty, it is taken over only when old.
      let holder: number;
      let age: number;
      try {
        holder = Number(readFileSync(lock, "utf8") || "0");
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile: try again
      }
      let alive = holder > 0 || age < 10_000;
      try {
        if (holder > 0) process.kill(holder, 0);
      } catch {
        alive = false;
      }
      if (!alive) rmSync(lock, { force: true });
      else await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

const memo = new Map<SiteName, Promise<BuiltSite>>();

/** A site, built now or earlier (by this run, another test file, or a previous run with the same inputs). */
export function site(name: SiteName): Promise<BuiltSite> {
  let pending = memo.get(name);
  if (!pending) {
    pending = buildOrReuse(name);
    memo.set(name, pending);
  }
  return pending;
}

async function buildOrReuse(name: SiteName): Promise<BuiltSite> {
  const spec: SiteSpec = SITES[name];
  const key = keyOf(name, spec);
  const folder = join(CACHE, `${name}-${key}`);
  const built = (): BuiltSite => ({
    dist: join(folder, "dist"),
    base: spec.env?.BASE_PATH ?? "/",
    project: join(folder, "project"),
    report: JSON.parse(readFileSync(join(folder, "report.json"), "utf8")) as BuildReport,
  });
  if (existsSync(join(folder, "report.json"))) return built();
  mkdirSync(CACHE, { recursive: true });
  return withLock(join(CACHE, `${name}.lock`), async () => {
    if (existsSync(join(folder, "report.json"))) return built();
    // Older builds of this site are of no use any more.
    for (const entry of readdirSync(CACHE)) if (entry.startsWith(`${name}-`)) rmSync(join(CACHE, entry), { recursive: true, force: true });
    const project = copyProject(PROJECT_PARTS, join(folder, "project"));
    for (const overlay of spec.overlays ?? []) {
      const from = join(ROOT, "tests/fixtures", overlay);
      for (const file of filesUnder(from))
        if (existsSync(join(project, file.slice(from.length))))
          throw new Error(`fixture ${overlay} would overwrite ${file.slice(from.length)}`);
      cpSync(from, project, { recursive: true });
    }
    await spec.prepare?.(project);
    if (spec.git) commitAll(project);
    const report = join(folder, "build-report.json");
    const r = await runScript("build.ts", [], { ...spec.env, OUT_DIR: join(folder, "dist"), BUILD_REPORT: report }, project);
    if (r.code !== 0) throw new Error(`the ${name} site did not build:\n${r.stderr}`);
    // Written last: a folder without it is a build that did not finish.
    writeFileSync(join(folder, "report.json"), readFileSync(report));
    return built();
  });
}
