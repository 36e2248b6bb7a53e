// One build script for every bundle: `node esbuild.mjs <cli|lsp|vscode-ext> [--production]`.
// CommonJS for Node, `vscode` external, sourcemaps in development, minified for packaging.
import { build } from "esbuild";
import { cpSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const [target] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const production = process.argv.includes("--production");

const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: production ? false : "linked",
  minify: production,
  legalComments: "none",
  logLevel: "warning",
};

const targets = {
  cli: [{ entryPoints: [join(root, "packages/cli/src/bin.ts")], outfile: join(root, "packages/cli/dist/cli.js") }],
  lsp: [{ entryPoints: [join(root, "packages/lsp/src/main.ts")], outfile: join(root, "packages/lsp/dist/server.js") }],
  "vscode-ext": [
    { entryPoints: [join(root, "packages/vscode-ext/src/extension.ts")], outfile: join(root, "packages/vscode-ext/dist/extension.js"), external: ["vscode"] },
    { entryPoints: [join(root, "packages/lsp/src/main.ts")], outfile: join(root, "packages/vscode-ext/dist/server.js") },
  ],
};

if (!targets[target]) {
  console.error(`usage: node esbuild.mjs <${Object.keys(targets).join("|")}> [--production]`);
  process.exit(2);
}
for (const options of targets[target]) {
  mkdirSync(dirname(options.outfile), { recursive: true });
  await build({ ...common, ...options });
}
if (target === "vscode-ext") {
  // The webview's script and styles ship as files so the CSP can allow them by source, not inline.
  const media = join(root, "packages/vscode-ext/media");
  try {
    cpSync(media, join(root, "packages/vscode-ext/dist/media"), { recursive: true });
  } catch {
    /* no media yet */
  }
}
