/**
 * A fuzz campaign as both the CI test and `npm run fuzz` run it: where the documents come from
 * (the corpus when present, generated ones always), the deterministic case stream for a seed, the
 * "type it character by character" sweep, and the summary figures.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { sharedPath } from "../../../core/src/testing/shared-paths";
import { caseArb, corpusFiles, readCorpus, type FuzzCase } from "./generate";
import type { Step } from "./mutate";
import { quantile, type FuzzStats } from "./session";

export interface Workspace {
  /** The folder the server is started on. */
  root: string;
  /** Corpus configs (relative to root); empty when `../shared/corpus` is absent. */
  corpus: string[];
  corpusText: (index: number) => { rel: string; text: string };
}

/** The corpus as the workspace when present (documents open under their real paths), else an empty temp folder. */
export function fuzzWorkspace(): Workspace {
  const corpusRoot = sharedPath("corpus");
  if (existsSync(corpusRoot)) {
    const corpus = corpusFiles(corpusRoot);
    return { root: corpusRoot, corpus, corpusText: (i) => ({ rel: corpus[i], text: readCorpus(corpusRoot, corpus[i]) }) };
  }
  return { root: mkdtempSync(join(tmpdir(), "lrlens-fuzz-")), corpus: [], corpusText: () => ({ rel: "missing.yml", text: "" }) };
}

/** Batch `b` of the case stream of `seed` (the same seed always yields the same cases). */
export function caseBatch(seed: number, b: number, size: number, corpusSize: number, heavy = true): FuzzCase[] {
  return fc.sample(caseArb(corpusSize, { heavy }), { seed: (seed + b * 7919) | 0, numRuns: size });
}

/** Appends the text one character at a time (a surrogate pair at once): the document passes through every truncation of itself. */
export function typingCase(text: string, source: FuzzCase["source"], everyNth = 1): FuzzCase {
  const steps: Step[] = [{ mutation: { op: "truncate", at: 0 }, full: true }];
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i += everyNth) steps.push({ mutation: { op: "insert", at: 1, text: chars.slice(i, i + everyNth).join("") }, full: false });
  return { source, steps, asBase: false, probes: [0.5, 0.9, 0.99, 1] };
}

/** Corpus configs to sweep by typing: the smallest config of each suite that defines a schedule. */
export function typingSources(ws: Workspace, count: number): number[] {
  const picked: number[] = [];
  for (const suite of ["PaddleOCR/", "PaddleDetection/", "PaddleClas/", "PaddleSeg/"]) {
    const candidates = ws.corpus
      .map((rel, index) => ({ rel, index }))
      .filter((c) => c.rel.startsWith(suite))
      .map((c) => ({ ...c, text: ws.corpusText(c.index).text }))
      .filter((c) => /\b(lr|LearningRate|lr_scheduler):/.test(c.text) && c.text.length > 300)
      .sort((x, y) => x.text.length - y.text.length);
    if (candidates[0]) picked.push(candidates[0].index);
  }
  return picked.slice(0, count);
}

export interface Summary {
  seed: number;
  cases: number;
  docs: number;
  requests: number;
  seconds: number;
  docsPerSecond: number;
  crashes: number;
  hangs: number;
  maxLatencyMs: number;
  p99LatencyMs: number;
  p50LatencyMs: number;
  limitsHit: Record<string, number>;
  errorResponses: Record<string, number>;
  workerRestarts: number;
  failures: number;
  failureKinds: Record<string, number>;
}

export function summarize(seed: number, stats: FuzzStats, seconds: number): Summary {
  const failureKinds: Record<string, number> = {};
  for (const f of stats.failures) failureKinds[f.kind] = (failureKinds[f.kind] ?? 0) + 1;
  return {
    seed,
    cases: stats.cases,
    docs: stats.docs,
    requests: stats.requests,
    seconds: Number(seconds.toFixed(1)),
    docsPerSecond: Number((stats.docs / seconds).toFixed(1)),
    crashes: stats.crashes,
    hangs: stats.hangs,
    // A loop, not Math.max(...xs): a full run holds a million latencies, too many arguments for one call.
    maxLatencyMs: Number(stats.latencies.reduce((m, x) => (x > m ? x : m), 0).toFixed(1)),
    p99LatencyMs: Number(quantile(stats.latencies, 0.99).toFixed(1)),
    p50LatencyMs: Number(quantile(stats.latencies, 0.5).toFixed(1)),
    limitsHit: stats.limits,
    errorResponses: stats.errorResponses,
    workerRestarts: stats.workerRestarts,
    failures: stats.failures.length,
    failureKinds,
  };
}
