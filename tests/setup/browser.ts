import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { CHROMIUM, TEST_CHROMIUM_ARGS } from "../../scripts/lib/chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared Chromium's address: every browser test file of a run connects to this one browser. */
    chromiumEndpoint: string;
  }
}

/** One Chromium for the run (Debian's, never a download), which the browser test files connect to. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium and fonts-noto-cjk (apt-get install -y chromium fonts-noto-cjk), as .ci/run does`,
    );
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: TEST_CHROMIUM_ARGS });
  project.provide("chromiumEndpoint", server.wsEndpoint());
  return () => server.close();
}
