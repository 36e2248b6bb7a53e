import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const extDir = fileURLToPath(new URL("..", import.meta.url));
const sources = ["src", "scripts", "e2e"].flatMap((dir) =>
  readdirSync(join(extDir, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mjs)$/.test(e.name))
    .map((e) => relative(extDir, join(e.parentPath, e.name))),
);
const read = (file: string) => readFileSync(join(extDir, file), "utf8");

/** The thin modules that talk to VS Code; everything else must stay testable without it. */
const VSCODE_MODULES = new Set(["src/extension.ts", "src/client.ts", "src/commands.ts", "src/decorations.ts", "src/preview-panel.ts", "src/status-item.ts"]);

describe("extension sources", () => {
  it("open with a comment saying what the file is for", () => {
    for (const file of sources.filter((f) => !f.endsWith(".test.ts"))) expect(read(file), file).toMatch(/^(\/\*\*?[\s\S]*?\*\/|\/\/[^\n]+)/);
  });
  it("import vscode only in the thin wiring modules", () => {
    for (const file of sources) {
      const imports = /from "vscode(?:-languageclient[^"]*)?"|require\("vscode"\)/.test(read(file));
      expect(imports && !VSCODE_MODULES.has(file), `${file} imports vscode`).toBe(false);
    }
  });
  it("never evaluate code from strings", () => {
    for (const file of sources.filter((f) => !f.endsWith(".test.ts"))) expect(read(file), file).not.toMatch(/\beval\(|new Function\(|innerHTML\s*=(?!\s*renderCardsHtml\()/);
  });
  it("keep extension.ts to wiring (under 80 lines) and every file under 300 lines", () => {
    expect(read("src/extension.ts").split("\n").length).toBeLessThanOrEqual(80);
    for (const file of sources) expect(read(file).split("\n").length, file).toBeLessThanOrEqual(300);
  });
});
