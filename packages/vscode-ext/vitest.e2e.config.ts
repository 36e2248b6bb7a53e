// The end-to-end run: the packaged extension in a real VS Code (code-server) driven by headless Chromium; one file, in order.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 420_000,
    // The steps share one VS Code window and build on each other.
    sequence: { concurrent: false },
  },
});
