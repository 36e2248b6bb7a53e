// Regenerates package.json's contributes.configuration and docs/settings.md from the server's settings table.
// `--check` writes nothing and exits 1 when either is out of date (the unit tests check the same).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SETTINGS } from "../../lsp/src/settings";
import { buildConfigurationContribution, buildSettingsDoc } from "../src/settings-contribution";

const extDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkgPath = join(extDir, "package.json");
const docPath = join(extDir, "../../docs/settings.md");

const pkgText = readFileSync(pkgPath, "utf8");
const pkg = JSON.parse(pkgText);
pkg.contributes = { ...pkg.contributes, configuration: buildConfigurationContribution(SETTINGS) };
const nextPkg = `${JSON.stringify(pkg, null, 2)}\n`;
const nextDoc = buildSettingsDoc(SETTINGS);
let docText = "";
try {
  docText = readFileSync(docPath, "utf8");
} catch {
  /* first run */
}

if (process.argv.includes("--check")) {
  const stale = [nextPkg !== pkgText && "packages/vscode-ext/package.json", nextDoc !== docText && "docs/settings.md"].filter(Boolean);
  if (stale.length) console.error(`out of date: ${stale.join(", ")} (run npm run sync-settings -w lrlens)`);
  process.exit(stale.length ? 1 : 0);
}
if (nextPkg !== pkgText) writeFileSync(pkgPath, nextPkg);
if (nextDoc !== docText) writeFileSync(docPath, nextDoc);
console.log("settings: package.json and docs/settings.md are up to date");
