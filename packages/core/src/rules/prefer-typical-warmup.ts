/** Rule (advice): a warmup outside the usual 1,000–10,000 iterations. */
import { scheduleAnchor } from "./support/chain";
import { warmupOf } from "./support/warmup";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "prefer-typical-warmup",
  description: "A warmup shorter than 1,000 or longer than 10,000 iterations.",
  category: "suggestion",
  severity: "information",
  fixable: false,
  docs: {
    details: `The rule of thumb from PaddlePaddle's LR scheduler guide: warm up for 1k–5k iterations in computer vision and 1k–10k in NLP. Much shorter and the warmup may be too brief to carry a freshly initialised network (and Adam's early estimates) through the first large updates; much longer and a large part of the run is spent at a low LR, which slows training down.

The warmup is counted in training iterations: a warmup given in epochs is converted with the steps per epoch, and when that is unknown the rule stays silent.`,
    invalid: [
      `lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
    learning_rate: 0.1
    T_max: 50000
  warmup_steps: 200
  start_lr: 0.0
  end_lr: 0.1
`,
    ],
    valid: [
      `lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
    learning_rate: 0.1
    T_max: 50000
  warmup_steps: 2000
  start_lr: 0.0
  end_lr: 0.1
`,
    ],
    whenNotToUse: "For small fine-tuning runs or tiny datasets, where a warmup of a few hundred iterations is normal.",
  },
};

export const MIN_WARMUP = 1000;
export const MAX_WARMUP = 10000;

export interface Data {
  iterations: number;
  key: string;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    const w = warmupOf(s);
    if (!w) continue;
    // Warmup steps are scheduler steps; turn them into training iterations.
    let iterations: number | undefined;
    if (s.stepping.per === "step") iterations = w.steps;
    else if (s.stepping.per === "iteration") {
      const inEpochs = w.source?.transform === "scaled" || w.source?.transform === "derived" || !w.source;
      iterations = inEpochs && s.stepsPerEpoch.value === undefined ? undefined : w.steps * Math.max(1, s.stepping.every);
    } else if (s.stepsPerEpoch.value !== undefined) iterations = w.steps * s.stepsPerEpoch.value * Math.max(1, s.stepping.every);
    if (iterations === undefined || (iterations >= MIN_WARMUP && iterations <= MAX_WARMUP)) continue;
    out.push({ span: w.source?.node.span ?? scheduleAnchor(s), schedule: s, data: { iterations, key: w.source?.key ?? "warmup" } });
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { iterations, key } = f.data;
  const why =
    iterations < MIN_WARMUP
      ? "a warmup this short may not carry a freshly initialised network through its first large updates"
      : "a warmup this long spends a large part of training at a low LR";
  return `The warmup (\`${key}\`) lasts ${iterations} iterations, outside the usual 1,000–10,000 (CV 1k–5k, NLP 1k–10k): ${why}.`;
}
