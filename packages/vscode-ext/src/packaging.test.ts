import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { zipEntries, type ZipEntry } from "./testing/zip-entries";

const extDir = fileURLToPath(new URL("..", import.meta.url));
const vsixPath = `${extDir}lrlens-0.1.0.vsix`;
let entries: ZipEntry[] = [];

// Runs the real `npm run package` (production bundles + vsce), then reads what it produced.
beforeAll(() => {
  execFileSync("npm", ["run", "package"], { cwd: extDir, stdio: "pipe", timeout: 240_000 });
  entries = zipEntries(readFileSync(vsixPath));
}, 300_000);

describe("npm run package", () => {
  it("produces lrlens-0.1.0.vsix holding only the bundles, the webview files, the icon, README, CHANGELOG and LICENSE", () => {
    expect(entries.map((e) => e.name).sort()).toEqual(
      [
        "[Content_Types].xml",
        "extension.vsixmanifest",
        "extension/LICENSE.txt",
        "extension/changelog.md",
        "extension/dist/extension.js",
        "extension/dist/media/preview.css",
        "extension/dist/media/preview.js",
        "extension/dist/server.js",
        "extension/images/icon.png",
        "extension/package.json",
        "extension/readme.md",
      ].sort(),
    );
  });
  it("stays under 1.5 MB", () => {
    expect(statSync(vsixPath).size).toBeLessThan(1.5 * 1024 * 1024);
  });
  it("ships minified bundles without source maps, and a real language server", () => {
    const byName = new Map(entries.map((e) => [e.name, e]));
    expect(byName.get("extension/dist/server.js")!.size).toBeGreaterThan(50_000);
    expect(byName.get("extension/dist/extension.js")!.size).toBeLessThan(800_000);
    expect(entries.some((e) => e.name.endsWith(".map"))).toBe(false);
  });
});
