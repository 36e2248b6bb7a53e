// Bundles the preview webview's script (src/webview/main.ts) into dist/media/preview.js for the browser; the stylesheet is copied by the root esbuild.mjs.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const extDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const production = process.argv.includes("--production");
await build({
  entryPoints: [join(extDir, "src/webview/main.ts")],
  outfile: join(extDir, "dist/media/preview.js"),
  bundle: true,
  platform: "browser",
  format: "iife",
  target: "es2022",
  minify: production,
  sourcemap: production ? false : "linked",
  legalComments: "none",
  logLevel: "warning",
});
