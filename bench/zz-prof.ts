import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { analyzeDocument, lint } from "../packages/core/src/index";
const root = "/work/shared/corpus";
const files: string[] = [];
const walk = (d: string) => { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else if (/\.ya?ml$/.test(n)) files.push(p); } };
walk(root);
const texts = files.map((f) => ({ uri: pathToFileURL(f).href, text: readFileSync(f, "utf8") }));
const host = { readFile: (u: string) => { try { return readFileSync(fileURLToPath(u), "utf8"); } catch { return undefined; } } };
for (let r = 0; r < 2; r++) {
  const cache = new Map();
  let t0 = performance.now(), ta = 0, tl = 0;
  for (const f of texts) { const a0 = performance.now(); const a = analyzeDocument(f.uri, f.text, host, { parseCache: cache }); const a1 = performance.now(); lint(a); tl += performance.now() - a1; ta += a1 - a0; }
  console.log(`round ${r}: ${(performance.now() - t0).toFixed(0)} ms analyze ${ta.toFixed(0)} lint ${tl.toFixed(0)}`);
}
