/**
 * Benchmark of the scheduler engine's curves: `Program.curve(1M)` and `Program.fill` into a reused
 * buffer for LinearWarmup+CosineAnnealingDecay, MultiStepDecay and OneCycleLR, against a plain
 * loop calling the stateful mirror's `step()` on the same schedule in the same run; plus
 * `sample(1e12, 512)`. `node --import tsx bench/curve.ts [--json]`.
 * Targets: ≥ 50M steps/s for closed-form schedules, sample(1e12, 512) < 5 ms.
 */
import { pathToFileURL } from "node:url";
import { build, construct } from "../packages/core/src/schedulers/index";
import type { Program, SchedulerSpec } from "../packages/core/src/schedulers/types";

export interface CurveBenchRow {
  name: string;
  scheduler: string;
  steps: number;
  /** `curve(steps)` as callers use it, including the allocation of its Float64Array (median ms). */
  curveMs: number;
  curveStepsPerSec: number;
  /** `fill()` into a buffer allocated once: the evaluator's own throughput. */
  fillMs: number;
  fillStepsPerSec: number;
  /** The baseline: construct, then `step()` steps − 1 times, storing `lastLr` into the same reused buffer. */
  baselineMs: number;
  baselineStepsPerSec: number;
  /** curve steps/s ÷ baseline steps/s, and fill steps/s ÷ baseline steps/s. */
  curveRatio: number;
  fillRatio: number;
  /** Median of many `sample(1e12, 512)` calls. */
  sample1e12Ms: number;
  /** Whether curve() and the step() loop produced the same numbers (they must: same schedule, same arithmetic). */
  identical: boolean;
  /** Allocating and writing a fresh Float64Array of `steps` values with nothing else (what curve() pays before computing). */
  allocMs: number;
  targets: { stepsPerSec: number; sampleMs: number };
  pass: { curve: boolean; fill: boolean; sample: boolean };
}

const STEPS = 1_000_000;
const f = (value: number) => ({ type: "float" as const, value });
const i = (value: number) => ({ type: "int" as const, value });

const SCHEDULES: { name: string; spec: SchedulerSpec }[] = [
  {
    name: "cosine+warmup",
    spec: {
      name: "LinearWarmup",
      args: {
        learning_rate: { type: "scheduler", spec: { name: "CosineAnnealingDecay", args: { learning_rate: f(0.1), T_max: i(STEPS - 5000) } } },
        warmup_steps: i(5000),
        start_lr: f(0),
        end_lr: f(0.1),
      },
    },
  },
  { name: "multistep", spec: { name: "MultiStepDecay", args: { learning_rate: f(0.1), milestones: { type: "list", items: [i(300_000), i(600_000), i(900_000)] }, gamma: f(0.1) } } },
  { name: "onecycle", spec: { name: "OneCycleLR", args: { max_learning_rate: f(0.1), total_steps: i(STEPS) } } },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(rounds: number, f: () => void): number {
  f(); // warm-up, not counted
  const ts: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

function programOf(spec: SchedulerSpec): Program {
  const b = build(spec);
  if (!b.ok) throw new Error(`bench schedule does not build: ${JSON.stringify(b.errors)}`);
  return b.program;
}

function baselineInto(spec: SchedulerSpec, out: Float64Array): void {
  const c = construct(spec);
  if (!c.ok) throw new Error("bench schedule does not construct");
  const s = c.scheduler;
  out[0] = s.lastLr;
  for (let k = 1; k < out.length; k++) {
    s.step();
    out[k] = s.lastLr;
  }
}

export async function runCurveBench(options: { rounds?: number; sampleRuns?: number } = {}): Promise<CurveBenchRow[]> {
  const rounds = Math.max(1, options.rounds ?? 7);
  const sampleRuns = Math.max(1, options.sampleRuns ?? 200);
  const buffer = new Float64Array(STEPS);
  const reference = new Float64Array(STEPS);
  const rows: CurveBenchRow[] = [];
  for (const { name, spec } of SCHEDULES) {
    const program = programOf(spec);
    const fill = program.fill?.bind(program);
    if (!fill) throw new Error("Program.fill is missing");
    const curveMs = time(rounds, () => program.curve(STEPS));
    const fillMs = time(rounds, () => fill(buffer, 0));
    const baselineMs = time(Math.max(1, Math.ceil(rounds / 2)), () => baselineInto(spec, reference));
    const curve = program.curve(STEPS).lr;
    let identical = curve.length === STEPS;
    for (let k = 0; identical && k < STEPS; k++) identical = curve[k] === reference[k];
    const sample1e12Ms = time(sampleRuns, () => program.sample(1e12, 512));
    const allocMs = time(rounds, () => new Float64Array(STEPS).fill(0.5));
    const perSec = (ms: number) => (STEPS / ms) * 1000;
    const row: CurveBenchRow = {
      name,
      scheduler: spec.name,
      steps: STEPS,
      curveMs,
      curveStepsPerSec: perSec(curveMs),
      fillMs,
      fillStepsPerSec: perSec(fillMs),
      baselineMs,
      baselineStepsPerSec: perSec(baselineMs),
      curveRatio: baselineMs / curveMs,
      fillRatio: baselineMs / fillMs,
      sample1e12Ms,
      identical,
      allocMs,
      targets: { stepsPerSec: 50e6, sampleMs: 5 },
      pass: { curve: perSec(curveMs) >= 50e6, fill: perSec(fillMs) >= 50e6, sample: sample1e12Ms < 5 },
    };
    rows.push(row);
  }
  return rows;
}

export function formatCurveBench(rows: CurveBenchRow[]): string {
  const m = (x: number) => `${(x / 1e6).toFixed(1)}M`;
  const lines = [
    `Scheduler curves over ${STEPS.toLocaleString("en-US")} steps (median of rounds; baseline = stateful step() loop in the same run)`,
    "",
    "| schedule | curve() steps/s | fill() steps/s | step() loop steps/s | curve ÷ loop | fill ÷ loop | sample(1e12, 512) ms | same numbers |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${m(r.curveStepsPerSec)} | ${m(r.fillStepsPerSec)} | ${m(r.baselineStepsPerSec)} | ${r.curveRatio.toFixed(1)}× | ${r.fillRatio.toFixed(1)}× | ${r.sample1e12Ms.toFixed(3)} | ${r.identical ? "yes" : "NO"} |`,
    ),
    "",
    `targets: ≥ 50M steps/s (curve: ${rows.map((r) => (r.pass.curve ? "PASS" : "FAIL")).join("/")}; fill: ${rows.map((r) => (r.pass.fill ? "PASS" : "FAIL")).join("/")}), sample(1e12, 512) < 5 ms (${rows.map((r) => (r.pass.sample ? "PASS" : "FAIL")).join("/")})`,
    `curve() includes allocating and first touching its 8 MB Float64Array (alone: ${rows.map((r) => r.allocMs.toFixed(1)).join(" / ")} ms in this run); fill() reuses one buffer.`,
    "",
  ];
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  void runCurveBench().then((rows) => {
    process.stdout.write(process.argv.includes("--json") ? `${JSON.stringify({ name: "curve", rows })}\n` : formatCurveBench(rows));
  });
}
