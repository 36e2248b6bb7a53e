import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SETTINGS } from "../../lsp/src/settings";
import { buildSettingsDoc } from "./settings-contribution";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const properties: Record<string, Record<string, unknown>> = pkg.contributes.configuration.properties;
const FIX = "run `npm run sync-settings -w lrlens`";

describe("contributes.configuration", () => {
  it("lists every setting of the server's table, with the same type, default, enum, bounds, scope and description", () => {
    for (const s of SETTINGS) {
      const p = properties[`lrlens.${s.key}`];
      expect(p, `lrlens.${s.key} is missing: ${FIX}`).toBeDefined();
      expect({ type: p.type, default: p.default, enum: p.enum, minimum: p.minimum, maximum: p.maximum, scope: p.scope, description: p.description, markdownDescription: p.markdownDescription }, `lrlens.${s.key} drifted: ${FIX}`).toEqual({
        type: s.type,
        default: s.default,
        enum: s.enum,
        minimum: s.minimum,
        maximum: s.maximum,
        scope: s.scope,
        description: s.description,
        markdownDescription: s.description,
      });
    }
  });
  it("contributes no setting the table does not declare", () => {
    expect(Object.keys(properties).sort()).toEqual(SETTINGS.map((s) => `lrlens.${s.key}`).sort());
  });
  it("keeps the table's order in the Settings editor", () => {
    expect(SETTINGS.map((s) => properties[`lrlens.${s.key}`].order)).toEqual(SETTINGS.map((_, i) => i));
  });
  it("contributes the log level and trace settings the client reads", () => {
    expect(properties["lrlens.server.logLevel"].enum).toEqual(["error", "warn", "info", "debug"]);
    expect(properties["lrlens.trace.server"]).toBeDefined();
  });
});

describe("docs/settings.md", () => {
  it("is generated from the current table", () => {
    const doc = readFileSync(new URL("../../../docs/settings.md", import.meta.url), "utf8");
    expect(doc, `docs/settings.md is stale: ${FIX}`).toBe(buildSettingsDoc(SETTINGS));
  });
  it("has a row per setting with its default", () => {
    const doc = buildSettingsDoc(SETTINGS);
    for (const s of SETTINGS) expect(doc).toContain(`| \`lrlens.${s.key}\` |`);
    expect(doc).toContain("| `lrlens.maxPoints` | integer | `512` | ≥ 16, ≤ 4096 |");
  });
});
