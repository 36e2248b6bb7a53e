/** The custom protocol's doc is checked against the code: `protocol.ts` may not change without docs/lsp-extensions.md. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LSP_DIR, REPO_ROOT } from "./harness";

describe("docs", () => {
  it("records the sha256 of protocol.ts in docs/lsp-extensions.md (update the doc and the hash together)", () => {
    const actual = createHash("sha256").update(readFileSync(join(LSP_DIR, "src/protocol.ts"))).digest("hex");
    const doc = readFileSync(join(REPO_ROOT, "docs/lsp-extensions.md"), "utf8");
    const recorded = /protocol\.ts sha256: ([0-9a-f]{64})/.exec(doc)?.[1];
    expect(recorded).toBe(actual);
  });

  it("documents every member of the lrlens/curves result in docs/lsp-extensions.md", () => {
    const protocol = readFileSync(join(LSP_DIR, "src/protocol.ts"), "utf8");
    const doc = readFileSync(join(REPO_ROOT, "docs/lsp-extensions.md"), "utf8");
    const block = /export interface CurveSchedule \{([\s\S]*?)\n\}/.exec(protocol)![1];
    const members = [...block.matchAll(/^\s+(\w+)\??:/gm)].map((m) => m[1]);
    expect(members.length).toBeGreaterThan(8);
    for (const m of members) expect(doc, m).toMatch(new RegExp(`\\b${m}\\??:`));
  });

  it("explains Neovim, Helix and Emacs setups in docs/editors.md", () => {
    const doc = readFileSync(join(REPO_ROOT, "docs/editors.md"), "utf8");
    for (const needle of ["vim.lsp.start", "lspconfig", "languages.toml", "eglot", "lrlens/curves", "lrlens-language-server"]) expect(doc).toContain(needle);
  });
});
