/** A reader's device for the vitals benchmark and tests: screen, network and processor. */
export interface Profile {
  readonly name: "desktop" | "phone";
  readonly viewport: { width: number; height: number };
  readonly scale: number;
  readonly mobile: boolean;
  /** Round trip and bandwidth (bits per second); none: the machine's own. */
  readonly network: { latencyMs: number; downBps: number; upBps: number } | null;
  /** Chromium's CPU throttling rate (4: four times slower). */
  readonly cpuSlowdown: number;
}

/** The two profiles issue 22 measured with: a desktop, and a slow phone on a slow network. */
export const PROFILES: readonly Profile[] = [
  { name: "desktop", viewport: { width: 1280, height: 900 }, scale: 1, mobile: false, network: null, cpuSlowdown: 1 },
  {
    name: "phone",
    viewport: { width: 360, height: 740 },
    scale: 2,
    mobile: true,
    network: { latencyMs: 150, downBps: 1.6e6, upBps: 750e3 },
    cpuSlowdown: 4,
  },
];

/** Budgets per profile (README): layout shift, and first slider move to the updated figure. */
export const VITALS_BUDGET: Record<Profile["name"], { cls: number; firstMoveMs: number }> = {
  desktop: { cls: 0.02, firstMoveMs: 100 },
  phone: { cls: 0.02, firstMoveMs: 800 },
};
