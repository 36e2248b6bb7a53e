import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { loadConfig } from "./src/config/load";
import { DEFAULT_LIMITS } from "./src/config/types";
import { extractPaddleDet } from "./src/dialects/paddledet/extract";
import { detectPaddleDet } from "./src/dialects/paddledet/detect";
import { toPlain, mapGet } from "./src/config/access";

const host = { readFile(uri: string) { const p = fileURLToPath(uri); return existsSync(p) && statSync(p).isFile() ? readFileSync(p, "utf8") : undefined; }, listDir(uri: string) { try { return readdirSync(fileURLToPath(uri)); } catch { return undefined; } } };
const root = "/work/shared/corpus/PaddleDetection";
const files: string[] = [];
const walk = (d: string) => { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else if (/\.ya?ml$/.test(n)) files.push(p); } };
walk(root);
const d = JSON.parse(gunzipSync(readFileSync("/work/shared/reference/suite-curves.json.gz")).toString());
const skipped = new Set(d.skipped.filter((s: any) => s.repo.includes("Detection")).map((s: any) => s.path));
const cases = new Map(d.cases.filter((c: any) => c.dialect === "PaddleDetection").map((c: any) => [c.path, c]));
let nSched = 0, nErr = 0;
const rules = new Map<string, number>();
for (const f of files.sort()) {
  const rel = f.slice(root.length + 1);
  const uri = pathToFileURL(f).href;
  const cfg = loadConfig(uri, readFileSync(f, "utf8"), host, DEFAULT_LIMITS);
  const score = detectPaddleDet(cfg.own, cfg.root);
  const out = extractPaddleDet({ config: cfg, host, limits: DEFAULT_LIMITS, stepsPerEpochSetting: 100 });
  const diags = [...out.diagnostics, ...out.schedules.flatMap((s) => s.diagnostics)];
  for (const x of diags) rules.set(x.rule + ":" + x.severity, (rules.get(x.rule + ":" + x.severity) ?? 0) + 1);
  const errs = diags.filter((x) => x.severity === "error");
  nSched += out.schedules.length;
  const isSkip = skipped.has(rel);
  if ((errs.length > 0) !== isSkip) { nErr++; console.log("MISMATCH", rel, isSkip, errs.map((e) => e.message)); }
  if (score === 0 && (out.schedules.length || diags.length)) console.log("NODETECT", rel);
  const c: any = cases.get(rel);
  if (c) {
    const s = out.schedules[0];
    if (!s) { console.log("NOSCHED case", rel); continue; }
    if (s.kind !== c.kind) console.log("KIND", rel, s.kind, "vs", c.kind);
    const lrPlain = toPlain(mapGet(cfg.root, "LearningRate"));
  }
}
console.log({ files: files.length, nSched, nErr });
console.log(rules);
