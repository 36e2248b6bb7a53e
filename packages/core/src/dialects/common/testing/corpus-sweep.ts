/** Test-only recognition sweep over one suite's corpus: which dialect claims each file, what it extracts, and which files get errors. */
import { relative } from "node:path";
import { expandToIterations } from "../../../analysis/iteration";
import { build } from "../../../schedulers";
import { sharedPath } from "../../../testing/shared";
import type { Dialect, Schedule } from "../../types";
import { context, loadFile, yamlFiles } from "./harness";
import { chainOf } from "./suite-curves";

export interface SweptFile {
  /** Path relative to the suite's corpus folder (`configs/det/x.yml`). */
  path: string;
  dialect?: Dialect;
  schedules: Schedule[];
  errors: string[];
  /** Class chains of the schedules that have a spec. */
  chains: string[];
  /** Schedules whose curve over the training length came out complete. */
  curves: number;
  crash?: string;
}

/** Loads and extracts every config of `repo` with whichever of `dialects` scores highest (as the registry does). */
export function sweepCorpus(repo: string, dialects: Dialect[], stepsPerEpoch = 100): SweptFile[] {
  const root = sharedPath(`corpus/${repo}`);
  const out: SweptFile[] = [];
  for (const file of yamlFiles(root)) {
    const path = relative(root, file);
    const swept: SweptFile = { path, schedules: [], errors: [], chains: [], curves: 0 };
    out.push(swept);
    try {
      const config = loadFile(file);
      let best: { d: Dialect; score: number } | undefined;
      for (const d of dialects) {
        const score = d.detect(config.own, config.root);
        if (score > 0 && (!best || score > best.score)) best = { d, score };
      }
      if (!best) continue;
      swept.dialect = best.d;
      const r = best.d.extract(context(config, { stepsPerEpoch }));
      swept.schedules = r.schedules;
      const errors: string[] = [...r.diagnostics, ...r.schedules.flatMap((s) => s.diagnostics)].filter((d) => d.severity === "error").map((d) => `${d.rule}: ${d.message}`);
      for (const s of r.schedules) {
        if (!s.spec) continue;
        swept.chains.push(chainOf(s.spec));
        const built = build(s.spec);
        if (!built.ok) {
          errors.push(...built.errors.map((e) => `construct ${e.errorType} on ${e.param}: ${e.message}`));
          continue;
        }
        const iterations = Math.min(200_000, (s.training?.epochs ?? 1) * (s.stepsPerEpoch.value ?? stepsPerEpoch));
        const curve = expandToIterations(s, (n) => {
          const c = built.program.curve(n);
          if (c.error) errors.push(`step ${c.error.errorType}: ${c.error.message}`);
          return c.lr;
        }, iterations);
        if (curve.length === iterations && curve.every((x) => Number.isFinite(x))) swept.curves++;
      }
      swept.errors = errors;
    } catch (e) {
      swept.crash = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
    }
  }
  return out;
}
