import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { chromiumLaunchOptions, TEST_CHROMIUM_ARGS } from "../../scripts/lib/chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared Chromium's address: every browser test file of a run connects to this one browser. */
    chromiumEndpoint: string;
  }
}

/** One Chromium for the run (Debian's, never a download), which the browser test files connect to. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await chromium.launchServer(chromiumLaunchOptions(TEST_CHROMIUM_ARGS));
  project.provide("chromiumEndpoint", server.wsEndpoint());
  return () => server.close();
}
