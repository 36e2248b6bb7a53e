// Unit tests of the extension's pure modules; the end-to-end run in a real VS Code has its own config (vitest.e2e.config.ts).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**"],
    testTimeout: 60_000,
  },
});
