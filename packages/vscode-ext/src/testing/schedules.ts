/** Test data shaped like `lrlens/curves` answers: the seed article's DBNet schedule and hostile variants. */
import type { CurveSchedule } from "../../../lsp/src/protocol";

/**
 * The seed article's DBNet schedule as Paddle runs it: LinearWarmup 0 → 0.007 over 2000 steps, then
 * MultiStepDecay(milestones=[300, 400], gamma=0.1) on its own clock, so the drops land at 2300 and 2400.
 */
export function dbnetPoints(): [number, number][] {
  const lr = (i: number) => (i < 2000 ? (0.007 * i) / 2000 : i < 2300 ? 0.007 : i < 2400 ? 0.007 * 0.1 : 0.007 * 0.1 ** 2);
  const steps = [0, 500, 1000, 1500, 1999, 2000, 2299, 2300, 2399, 2400, 2499];
  return steps.map((s) => [s, lr(s)]);
}

export function dbnetSchedule(overrides: Partial<CurveSchedule> = {}): CurveSchedule {
  return {
    path: "lr_scheduler",
    range: { start: { line: 3, character: 0 }, end: { line: 11, character: 0 } },
    dialect: "paddle",
    scheduler: "LinearWarmup(learning_rate=MultiStepDecay(learning_rate=0.007, milestones=[300, 400], gamma=0.1), warmup_steps=2000, start_lr=0.0, end_lr=0.007)",
    unit: "step",
    stepsPerEpoch: { value: 100, source: "setting" },
    points: dbnetPoints(),
    svg: '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="160"><path d="M0 160L100 10"/></svg>',
    totalSteps: 2500,
    markers: [
      { step: 2000, kind: "warmup-end", label: "warmup end (2000)" },
      { step: 2300, kind: "milestone", label: "×0.1 at 2300" },
      { step: 2400, kind: "milestone", label: "×0.1 at 2400" },
    ],
    peak: 0.007,
    final: 0.007 * 0.1 ** 2,
    ...overrides,
  };
}

/** Strings a malicious or broken config could put into a schedule's path, scheduler text or labels. */
export const HOSTILE = {
  script: `<script>alert("x")</script>`,
  svgOnload: `<svg onload="alert(1)">`,
  imgOnerror: `<img src=x onerror=alert(1)>`,
  markdownLink: `[click](javascript:alert(1))`,
  quote: `"' onmouseover="alert(1)`,
};
