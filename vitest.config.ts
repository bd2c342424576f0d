import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Browser and build tests share dist/ and a 2-core machine: run files one at a time.
    fileParallelism: false,
  },
});
