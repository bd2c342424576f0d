/** Milliseconds per build phase, and how many things each phase did, kept by one build. */
export class Timings {
  private readonly ms = new Map<string, number>();
  private readonly counts = new Map<string, number>();

  /** Runs `work`, adding its duration (and one to the count) to a phase. */
  time<T>(phase: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.add(phase, performance.now() - start);
    }
  }

  add(phase: string, ms: number, count = 1): void {
    this.ms.set(phase, (this.ms.get(phase) ?? 0) + ms);
    this.counts.set(phase, (this.counts.get(phase) ?? 0) + count);
  }

  get(phase: string): { ms: number; count: number } {
    return { ms: this.ms.get(phase) ?? 0, count: this.counts.get(phase) ?? 0 };
  }

  /** The phases in the order they were first timed. */
  phases(): string[] {
    return [...this.ms.keys()];
  }
}

/** A timing table, one phase a line, seconds right-aligned. */
export function formatTimings(rows: readonly (readonly [string, number])[]): string {
  return rows.map(([name, ms]) => `  ${name.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(7)} s\n`).join("");
}
