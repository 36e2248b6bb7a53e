/**
 * Benchmark of `lrlens check`'s in-process pipeline (load with inheritance, detect the dialect,
 * extract, build, lint) over every config of ../shared/corpus, against bare `yaml.parse` of the
 * same texts in the same run. `node --import tsx bench/check.ts [--json]`; target ≥ 500 files/s.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "yaml";
import { analyzeDocument } from "../packages/core/src/analysis/analyze";
import type { Host } from "../packages/core/src/config/types";
import { yamlFiles } from "../packages/core/src/testing/yaml-files";
import { lint } from "../packages/core/src/rules";

/** `../shared` beside the repository, or `$LRLENS_SHARED` (the test helper's rule; that module imports vitest). */
const SHARED_DIR = process.env.LRLENS_SHARED ?? resolve(dirname(fileURLToPath(import.meta.url)), "../../shared");

export interface CheckBenchResult {
  name: "check";
  files: number;
  /** Median over rounds, milliseconds for the whole corpus. */
  lrlensMs: number;
  yamlParseMs: number;
  filesPerSecond: number;
  /** lrlens time ÷ yaml.parse time (how many bare parses one check costs). */
  ratio: number;
  target: number;
  pass: boolean;
  diagnostics: number;
  perFileMs: { p50: number; p95: number; max: number };
  /** Of lrlensMs (same median round): analysis (load, dialect, build) and the rules. */
  analyzeMs: number;
  lintMs: number;
  /** The built binary as a user runs it (`lrlens check <corpus> --format json`): a cold process, wall time, per `--concurrency`. */
  binary?: { concurrency: string; ms: number; filesPerSecond: number }[];
}

/** Wall time of the shipped binary over the corpus (start-up, JIT warm-up, file reads and output included). */
function binaryRuns(corpus: string, files: number): CheckBenchResult["binary"] {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const build = spawnSync(process.execPath, [join(repo, "esbuild.mjs"), "cli"], { cwd: repo, encoding: "utf8" });
  if (build.status !== 0) return undefined;
  return ["off", "2"].map((concurrency) => {
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      spawnSync(process.execPath, [join(repo, "packages/cli/bin/lrlens.js"), "check", corpus, "--format", "json", "--concurrency", concurrency], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    return { concurrency, ms, filesPerSecond: (files / ms) * 1000 };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

export function runCheckBench(options: { corpus?: string; rounds?: number } = {}): CheckBenchResult {
  const corpus = resolve(options.corpus ?? join(SHARED_DIR, "corpus"));
  if (!statSync(corpus, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`corpus not found: ${corpus}`);
  const rounds = Math.max(1, options.rounds ?? 3);
  // Texts are read once up front for both sides, so the comparison is parsing and analysis, not disk I/O.
  const files = yamlFiles(corpus).map((path) => ({ uri: pathToFileURL(path).href, text: readFileSync(path, "utf8") }));
  const byUri = new Map(files.map((f) => [f.uri, f.text]));
  const host: Host = { readFile: (uri) => byUri.get(uri), listDir: () => undefined };

  const lrlensRounds: number[] = [];
  const yamlRounds: number[] = [];
  let perFile: number[] = [];
  let diagnostics = 0;
  const splits: { total: number; analyze: number; lint: number }[] = [];
  for (let r = 0; r <= rounds; r++) {
    // Round 0 warms the JIT and is not counted.
    let t0 = performance.now();
    for (const f of files) {
      try {
        parse(f.text, { version: "1.1", maxAliasCount: 100, logLevel: "silent", prettyErrors: false });
      } catch {
        /* a config yaml rejects still costs its parse */
      }
    }
    const yamlMs = performance.now() - t0;
    const times: number[] = [];
    let count = 0;
    let analyzeMs = 0;
    // Like one `lrlens check` run: a fresh parse cache per round, shared by the files of the round.
    const parseCache = new Map();
    t0 = performance.now();
    for (const f of files) {
      const t = performance.now();
      const analysis = analyzeDocument(f.uri, f.text, host, { parseCache });
      const mid = performance.now();
      count += lint(analysis).length;
      const end = performance.now();
      analyzeMs += mid - t;
      times.push(end - t);
    }
    const lrlensMs = performance.now() - t0;
    if (r === 0) continue;
    yamlRounds.push(yamlMs);
    lrlensRounds.push(lrlensMs);
    splits.push({ total: lrlensMs, analyze: analyzeMs, lint: lrlensMs - analyzeMs });
    perFile = times;
    diagnostics = count;
  }
  const lrlensMs = median(lrlensRounds);
  const split = splits.find((x) => x.total === lrlensMs) ?? splits[0];
  const yamlParseMs = median(yamlRounds);
  const filesPerSecond = (files.length / lrlensMs) * 1000;
  return {
    name: "check",
    files: files.length,
    lrlensMs,
    yamlParseMs,
    filesPerSecond,
    ratio: lrlensMs / yamlParseMs,
    target: 500,
    pass: filesPerSecond >= 500,
    diagnostics,
    perFileMs: { p50: quantile(perFile, 0.5), p95: quantile(perFile, 0.95), max: Math.max(...perFile) },
    analyzeMs: split.analyze,
    lintMs: split.lint,
    binary: binaryRuns(corpus, files.length),
  };
}

export function formatCheckBench(r: CheckBenchResult): string {
  const f = (x: number) => x.toFixed(1);
  return [
    `lrlens check over ${r.files} corpus configs (median of rounds, texts preloaded)`,
    "",
    "| pipeline | total ms | files/s | per file p50 / p95 / max ms |",
    "| --- | ---: | ---: | --- |",
    `| lrlens analyze + lint | ${f(r.lrlensMs)} | ${f(r.filesPerSecond)} | ${r.perFileMs.p50.toFixed(3)} / ${r.perFileMs.p95.toFixed(3)} / ${r.perFileMs.max.toFixed(1)} |`,
    `| — of which analyze (load, dialect, build) | ${f(r.analyzeMs)} | | |`,
    `| — of which lint (rules) | ${f(r.lintMs)} | | |`,
    `| yaml.parse (baseline) | ${f(r.yamlParseMs)} | ${f((r.files / r.yamlParseMs) * 1000)} | |`,
    ...(r.binary ?? []).map((b) => `| \`lrlens check\` binary, cold process, --concurrency ${b.concurrency} | ${f(b.ms)} | ${f(b.filesPerSecond)} | |`),
    "",
    `ratio lrlens / yaml.parse: ${r.ratio.toFixed(2)}×; target ≥ ${r.target} files/s: ${r.pass ? "PASS" : "FAIL"} (${r.diagnostics} diagnostics)`,
    "",
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = runCheckBench();
  process.stdout.write(process.argv.includes("--json") ? `${JSON.stringify(result)}\n` : formatCheckBench(result));
}
