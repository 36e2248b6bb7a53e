/** A real headless Neovim drives the built server: diagnostics arrive for a bad config and hover returns the curve. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureWorkspace, LSP_DIR, positionOf, SERVER } from "./harness";

const hasNvim = spawnSync("nvim", ["--version"], { encoding: "utf8" }).status === 0;

function runNvim(root: string, rel: string, needle: string) {
  const file = join(root, rel);
  const pos = positionOf(readFileSync(file, "utf8"), needle, 1);
  const r = spawnSync("nvim", ["--headless", "--clean", "-c", `luafile ${join(LSP_DIR, "test/nvim/check.lua")}`], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, LRLENS_SERVER: SERVER, LRLENS_FILE: file, LRLENS_ROOT: root, LRLENS_LINE: String(pos.line), LRLENS_CHAR: String(pos.character) },
  });
  const line = r.stdout.split("\n").find((l) => l.startsWith("{"));
  if (!line) throw new Error(`nvim printed no JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(line) as { nvim: string; api: string; filetype: string; got_diagnostics: boolean; diagnostics: { lnum: number; severity: number; message: string; code?: string }[]; hover?: string; error?: string };
}

if (!hasNvim) {
  console.warn("[lrlens] SKIPPED the Neovim test: `nvim` is not installed (apt-get install neovim; CI installs it).");
  describe.todo("a real Neovim drives the server (needs nvim)");
} else {
  describe("a real headless Neovim", () => {
    it("gets the unit-mix diagnostic of the seed's DBNet config and a curve in the hover", () => {
      const out = runNvim(fixtureWorkspace(), "paddle/dbnet.yml", "name: LinearWarmup");
      expect(out.error).toBeUndefined();
      expect(out.filetype).toBe("yaml");
      expect(out.got_diagnostics).toBe(true);
      expect(out.diagnostics.some((d) => d.code === "no-unit-mix")).toBe(true);
      expect(out.hover).toMatch(/!\[LR curve of lr\\?_scheduler\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
    });
  });
}
