// Vitest settings for the CLI: its tests spawn the built binary, which takes about a second per run on a slow CI machine.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
