/** Milliseconds spent per build phase, shared by the pages and the build-report integration. */
export interface BuildTimings {
  data: number;
  figures: number;
  figureCount: number;
}

const KEY = Symbol.for("explorable-course.build-timings");

/** The process-wide timings (one object, whichever bundle of this module asks). */
export function buildTimings(): BuildTimings {
  const g = globalThis as unknown as Record<symbol, BuildTimings | undefined>;
  g[KEY] ??= { data: 0, figures: 0, figureCount: 0 };
  return g[KEY];
}

/** Runs `work`, adding its duration to a phase. */
export function timed<T>(phase: "data" | "figures", work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    const t = buildTimings();
    t[phase] += performance.now() - start;
    if (phase === "figures") t.figureCount += 1;
  }
}
