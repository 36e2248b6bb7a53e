/** Builds `dist/server.js` once before the protocol tests, which spawn the real bundle. */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  // For iterating on unit tests only; the protocol tests need the fresh bundle.
  if (process.env.LRLENS_SKIP_SERVER_BUILD === "1") return;
  const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
  const r = spawnSync(process.execPath, [join(pkg, "../../esbuild.mjs"), "lsp"], { cwd: pkg, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`building the server failed:\n${r.stdout}${r.stderr}`);
}
