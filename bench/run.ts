// `npm run bench [-- --json] [-- --only=curve,load]`: every benchmark, each in a fresh Node process,
// each comparing lrlens with a baseline measured in the same run (ratios, not absolute times).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const shared = process.env.LRLENS_SHARED ?? resolve(here, "../../shared");
const json = process.argv.includes("--json");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7).split(",");

const BENCHES: { name: string; file: string; needsShared: boolean; what: string }[] = [
  { name: "curve", file: "curve.ts", needsShared: false, what: "curve throughput (closed form / incremental) vs a plain step() loop; sample(1e12, 512)" },
  { name: "load", file: "load.ts", needsShared: true, what: "parse + dialect detection + _BASE_ inheritance vs bare yaml.parseDocument" },
  { name: "check", file: "check.ts", needsShared: true, what: "lrlens check over the whole corpus vs bare yaml.parse" },
  { name: "lsp", file: "lsp.ts", needsShared: false, what: "server compute, edit→diagnostics latency vs yaml-language-server, hover p95, RSS" },
];

const results: Record<string, unknown> = {};
let failed = false;
for (const b of BENCHES) {
  if (only && !only.includes(b.name)) continue;
  if (b.needsShared && !existsSync(join(shared, "corpus"))) {
    if (!json) console.log(`\n## ${b.name}: SKIPPED (${shared} not found)`);
    results[b.name] = { skipped: "../shared not found" };
    continue;
  }
  if (!json) console.log(`\n## ${b.name}: ${b.what}`);
  const r = spawnSync(process.execPath, ["--import", "tsx", join(here, b.file), ...(json ? ["--json"] : [])], {
    cwd: resolve(here, ".."),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: process.env,
  });
  if (r.status !== 0) failed = true;
  if (json) {
    const line = r.stdout.trim().split("\n").filter((l) => l.startsWith("{")).pop();
    try {
      results[b.name] = line ? JSON.parse(line) : { error: `exit ${r.status}` };
    } catch {
      results[b.name] = { error: "unparsable output" };
    }
  } else process.stdout.write(r.stdout);
}
if (json) console.log(JSON.stringify({ bench: "lrlens", node: process.version, results }));
process.exitCode = failed ? 1 : 0;
