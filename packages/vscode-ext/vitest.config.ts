// Unit tests of the extension's pure modules; the end-to-end run in a real VS Code has its own config (vitest.e2e.config.ts).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Same mapping as tsconfig.json: the settings table needs only DEFAULT_LIMITS from the core.
    alias: { "@lrlens/core": fileURLToPath(new URL("../core/src/config/types.ts", import.meta.url)) },
  },
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**"],
    testTimeout: 60_000,
  },
});
