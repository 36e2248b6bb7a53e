/**
 * Benchmark of `loadConfig` + dialect detection (PyYAML-exact parse, spans, comments, `_BASE_` inheritance) on real
 * PaddleDetection chains from ../shared/corpus, against bare `yaml.parseDocument` of the same files in
 * the same run. `node --import tsx bench/load.ts [--json]`; target: lrlens ≤ 1.5× the bare parse.
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseDocument } from "yaml";
import { loadConfig } from "../packages/core/src/config/load";
import type { Host } from "../packages/core/src/config/types";
import { detectDialect } from "../packages/core/src/dialects";

/** `../shared` beside the repository, or `$LRLENS_SHARED` (the test helper's rule; that module imports vitest). */
const SHARED_DIR = process.env.LRLENS_SHARED ?? resolve(dirname(fileURLToPath(import.meta.url)), "../../shared");

export interface Row {
  name: string;
  /** Files in the chain (each parsed once by both sides). */
  files: number;
  /** Inheritance depth of the chain. */
  depth: number;
  iterations: number;
  /** Medians, milliseconds per whole chain. */
  yamlParseDocumentMs: number;
  lrlensLoadMs: number;
  p95LrlensMs: number;
  /** lrlens ÷ bare parseDocument: the median of per-round ratios (each round runs both sides back to back). */
  ratio: number;
  target: number;
  pass: boolean;
}

const CHAINS = [
  { name: "3-level _BASE_ chain (mot/bytetrack/bytetrack_yolox.yml)", path: "PaddleDetection/configs/mot/bytetrack/bytetrack_yolox.yml", depth: 3 },
  { name: "1-level _BASE_ chain (ppyoloe/ppyoloe_plus_crn_l_80e_coco.yml)", path: "PaddleDetection/configs/ppyoloe/ppyoloe_plus_crn_l_80e_coco.yml", depth: 1 },
];

const TARGET = 1.5;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

function benchChain(corpus: string, chain: (typeof CHAINS)[number], iterations: number): Row {
  const leafPath = join(corpus, chain.path);
  const leafUri = pathToFileURL(leafPath).href;
  const leafText = readFileSync(leafPath, "utf8");
  // Discover the chain once with a disk-backed host, then keep every text in memory for both sides.
  const texts = new Map<string, string>();
  const discovery: Host = {
    readFile(uri) {
      try {
        const text = readFileSync(new URL(uri), "utf8");
        texts.set(uri, text);
        return text;
      } catch {
        return undefined;
      }
    },
  };
  const first = loadConfig(leafUri, leafText, discovery);
  if (first.diagnostics.some((d) => d.severity === "error")) throw new Error(`${chain.path}: ${first.diagnostics[0].message}`);
  const host: Host = { readFile: (uri) => texts.get(uri) };
  const all = [leafText, ...texts.values()];

  // Rounds of BATCH runs per side, back to back, alternating which side goes first; the ratio is taken per
  // round (both sides see the same machine load) and its median reported, with the medians of the times.
  const BATCH = 5;
  const baseline: number[] = [];
  const lrlens: number[] = [];
  const ratios: number[] = [];
  let sink = 0;
  const runBaseline = () => {
    const t = performance.now();
    for (let k = 0; k < BATCH; k++) for (const text of all) sink += parseDocument(text).errors.length;
    return (performance.now() - t) / BATCH;
  };
  const runLrlens = () => {
    const t = performance.now();
    for (let k = 0; k < BATCH; k++) {
      // What the issue measures: parse + dialect detection + inheritance.
      const loaded = loadConfig(leafUri, leafText, host);
      const found = detectDialect(loaded.own, loaded.root);
      sink += loaded.diagnostics.length + (found.dialect ? 1 : 0);
    }
    return (performance.now() - t) / BATCH;
  };
  const rounds = Math.ceil(iterations / BATCH);
  for (let i = -Math.ceil(rounds / 5); i < rounds; i++) {
    const first = i % 2 === 0 ? runBaseline() : runLrlens();
    const second = i % 2 === 0 ? runLrlens() : runBaseline();
    const [b, l] = i % 2 === 0 ? [first, second] : [second, first];
    // Negative i: warm-up rounds, not recorded.
    if (i >= 0) {
      baseline.push(b);
      lrlens.push(l);
      ratios.push(l / b);
    }
  }
  if (sink < 0) console.log(sink);
  const yamlMs = quantile(baseline, 0.5);
  const lrlensMs = quantile(lrlens, 0.5);
  const ratio = quantile(ratios, 0.5);
  return {
    name: chain.name,
    files: first.files.size,
    depth: chain.depth,
    iterations: rounds * BATCH,
    yamlParseDocumentMs: yamlMs,
    lrlensLoadMs: lrlensMs,
    p95LrlensMs: quantile(lrlens, 0.95),
    ratio,
    target: TARGET,
    pass: ratio <= TARGET,
  };
}

export function runLoadBench(options: { corpus?: string; iterations?: number } = {}): Row[] {
  const corpus = options.corpus ?? join(SHARED_DIR, "corpus");
  if (!statSync(corpus, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`corpus not found: ${corpus}`);
  return CHAINS.map((c) => benchChain(corpus, c, options.iterations ?? 300));
}

function main(): void {
  const rows = runLoadBench();
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ name: "load", rows }));
    return;
  }
  console.log("loadConfig vs bare yaml.parseDocument of the same files (median ms per chain)");
  for (const r of rows) {
    console.log(
      `${r.name}\n  files ${r.files}, depth ${r.depth}, ${r.iterations} iterations: parseDocument ${r.yamlParseDocumentMs.toFixed(3)} ms, ` +
        `loadConfig ${r.lrlensLoadMs.toFixed(3)} ms (p95 ${r.p95LrlensMs.toFixed(3)}), ratio ${r.ratio.toFixed(2)}× (target ≤ ${r.target}×) ${r.pass ? "PASS" : "FAIL"}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
