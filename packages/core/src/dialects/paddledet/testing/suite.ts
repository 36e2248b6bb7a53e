/** Test-only helpers for the PaddleDetection and PaddleSeg dialect tests: loading real chains from disk, running a dialect like the analysis does, and comparing curves with suite-curves.json. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect } from "vitest";
import { loadConfig } from "../../../config/load";
import { DEFAULT_LIMITS, type Host, type LoadedConfig } from "../../../config/types";
import { build, formatSpec } from "../../../schedulers";
import type { SchedulerSpec } from "../../../schedulers/types";
import { lookupScheduler } from "../../../schedulers/registry";
import { expandToIterations } from "../../../analysis/iteration";
import { REPO_ROOT, readSharedJson, sharedPath } from "../../../testing/shared";
import type { Dialect, Schedule } from "../../types";

/** A host reading `file:` URIs from disk (what the CLI does), with optional in-memory files first. */
export function diskHost(memory: Record<string, string> = {}): Host {
  return {
    readFile(uri) {
      if (uri in memory) return memory[uri];
      try {
        const p = uri.startsWith("file:") ? fileURLToPath(uri) : uri;
        return existsSync(p) && statSync(p).isFile() ? readFileSync(p, "utf8") : undefined;
      } catch {
        return undefined;
      }
    },
    listDir(uri) {
      try {
        return readdirSync(uri.startsWith("file:") ? fileURLToPath(uri) : uri);
      } catch {
        return undefined;
      }
    },
  };
}

export function loadPath(path: string, host: Host = diskHost()): LoadedConfig {
  return loadConfig(pathToFileURL(path).href, readFileSync(path, "utf8"), host, DEFAULT_LIMITS);
}

export function loadText(text: string, uri: string, host: Host = diskHost()): LoadedConfig {
  return loadConfig(uri, text, host, DEFAULT_LIMITS);
}

export function fixture(dialect: "paddledet" | "paddleseg", name: string): string {
  return join(REPO_ROOT, "fixtures", dialect, name);
}

/** Runs a dialect's extraction the way the analysis does, collecting every diagnostic. */
export function run(dialect: Dialect, config: LoadedConfig, opts: { stepsPerEpoch?: number; host?: Host } = {}) {
  const out = dialect.extract({ config, host: opts.host ?? diskHost(), limits: DEFAULT_LIMITS, stepsPerEpochSetting: opts.stepsPerEpoch });
  const diagnostics = [...out.diagnostics, ...out.schedules.flatMap((s) => s.diagnostics)];
  return { ...out, all: diagnostics, errors: diagnostics.filter((d) => d.severity === "error") };
}

/** The constructor chain as Paddle receives it (a suite class prints itself through its `format`). */
export function formatChain(spec: SchedulerSpec): string {
  const def = lookupScheduler(spec.name) as { format?: (args: SchedulerSpec["args"]) => string } | undefined;
  return def?.format ? def.format(spec.args) : formatSpec(spec);
}

/** `LinearWarmup>PolynomialDecay`: the class names of the chain, outermost first, as suite-curves' `chain`. */
export function chainOf(spec: SchedulerSpec): string {
  const own = formatChain(spec).split("(")[0];
  const inner = spec.args.learning_rate;
  return inner?.type === "scheduler" ? `${own}>${chainOf(inner.spec)}` : own;
}

/**
 * Whether Paddle's values for this chain are exact arithmetic a JS port reproduces bit for bit
 * (Piecewise/Step/MultiStep lookups, integer powers, linear warmups, PolynomialDecay with power 1),
 * as opposed to cos/exp/log or fractional powers, compared within 1e-13 of the peak.
 */
export function isExactChain(spec: SchedulerSpec): boolean {
  const a = spec.args;
  switch (spec.name) {
    case "PiecewiseDecay":
    case "StepDecay":
    case "MultiStepDecay":
      return true;
    case "PPDetPiecewiseDecay":
      // ExpWarmup's `(i / W) ** power` goes through glibc's pow, which is not correctly rounded
      // everywhere (0.874 ** 4 is one ulp off): only linear warmups with milestones are exact.
      return a.decay?.type === "str" && a.decay.value === "milestones" && a.warmup?.type === "str" && a.warmup.value === "linear";
    case "PolynomialDecay":
      return a.power === undefined || (a.power.type !== "str" && "value" in a.power && a.power.value === 1);
    case "LinearWarmup":
      return a.learning_rate?.type !== "scheduler" || isExactChain(a.learning_rate.spec);
    default:
      return false;
  }
}

export interface SuiteCase {
  repo: string;
  path: string;
  dialect: string;
  kind: string;
  steps_per_epoch: number;
  total_steps: number;
  epochs_or_iters: { key: string; value: number };
  built: string;
  chain: string;
  lr: number[];
  indices?: number[];
  notes?: string[];
}

export interface SuiteCurves {
  cases: SuiteCase[];
  skipped: { repo: string; path: string; reason: string }[];
}

let curves: SuiteCurves | undefined;
export function suiteCurves(): SuiteCurves {
  curves ??= readSharedJson<SuiteCurves>("reference/suite-curves.json.gz");
  return curves;
}

export function corpusFile(repo: string, path: string): string {
  return sharedPath(`corpus/${repo.replace(/^PaddlePaddle\//, "")}/${path}`);
}

/** Every `.yml`/`.yaml` under a corpus repository folder, sorted, relative to it. */
export function corpusConfigs(repoFolder: string): string[] {
  const root = sharedPath(`corpus/${repoFolder}`);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) out.push(p.slice(root.length + 1));
    }
  };
  walk(root);
  return out;
}

/** Loads the case's config from the corpus, extracts, builds and checks every value against the suite's own curve. */
export function checkSuiteCase(dialect: Dialect, c: SuiteCase): Schedule {
  const config = loadPath(corpusFile(c.repo, c.path));
  expect(config.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const out = run(dialect, config, { stepsPerEpoch: c.steps_per_epoch });
  expect(out.errors.map((d) => d.message)).toEqual([]);
  expect(out.schedules).toHaveLength(1);
  const s = out.schedules[0];
  expect(s.kind).toBe(c.kind);
  expect(s.spec).toBeDefined();
  const spec = s.spec!;
  expect(chainOf(spec)).toBe(c.chain);
  expect(formatChain(spec)).toBe(c.built);
  expect(s.training?.key).toBe(c.epochs_or_iters.key);
  const b = build(spec);
  if (!b.ok) throw new Error(`build failed: ${JSON.stringify(b.errors)}`);
  const lr = expandToIterations(s, (n) => b.program.curve(n).lr, c.total_steps);
  expect(lr.length).toBe(c.total_steps);
  const exact = isExactChain(spec);
  const peak = c.lr.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  let worst = 0;
  let firstBad = -1;
  c.lr.forEach((want, k) => {
    const i = c.indices ? c.indices[k] : k;
    const got = lr[i];
    const bad = exact ? got !== want : !(Math.abs(got - want) <= 1e-13 * peak);
    if (bad && firstBad < 0) firstBad = i;
    worst = Math.max(worst, Math.abs(got - want));
  });
  if (firstBad >= 0) {
    const k = c.indices ? c.indices.indexOf(firstBad) : firstBad;
    throw new Error(`${c.path}: iteration ${firstBad} is ${lr[firstBad]}, the suite's curve says ${c.lr[k]} (${exact ? "exact" : "1e-13 × peak"} comparison; worst |Δ| ${worst})`);
  }
  return s;
}
