/**
 * What a PaddleDetection user should know about how the suite reads their `LearningRate` although it
 * is accepted: keys it ignores, warmup lengths taken from `epochs`, a cosine laid out over
 * `max_epochs` instead of `epoch`, and milestones the warmup runs past (Paddle's unsorted scan).
 */
import type { Span } from "../../model/positions";
import type { StepsPerEpoch } from "../types";
import type { DiagnosticSink } from "../common/diagnostic";
import { pyNumber, pyShow } from "../common/py-arith";
import type { DetBuilt } from "./builder";
import { lrAt, tailPrefixMax } from "./materialised-piecewise";
import type { DetEntry } from "./read-schedulers";

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

function entrySpan(entry: DetEntry, key: string): Span | undefined {
  const o = entry.bound.get(key).origin;
  if (!o) return undefined;
  const end = o.node.span.uri === o.keySpan.uri ? Math.max(o.keySpan.end, o.node.span.end) : o.keySpan.end;
  return { uri: o.keySpan.uri, start: o.keySpan.start, end };
}

export interface NoteInput {
  sink: DiagnosticSink;
  facts: Record<string, unknown>;
  decay: DetEntry;
  warmup?: DetEntry;
  built: DetBuilt;
  spe: number;
  stepsPerEpoch: StepsPerEpoch;
  trainingEpochs?: number;
}

/** Adds the notes (and matching facts) for one built schedule. */
export function addDetNotes(n: NoteInput): void {
  const { sink, facts, decay, warmup, built, spe } = n;
  if (!built.useWarmup && warmup) {
    facts.warmupIgnored = true;
    sink.add({
      rule: "ignored-key",
      severity: "information",
      message: `This ${warmup.cls.name} is ignored: schedulers[0] (${decay.cls.name}) sets \`use_warmup: false\`, so PaddleDetection builds the decay alone.`,
      span: warmup.nameSpan,
    });
  }
  if (built.useWarmup && warmup && built.warmupFromEpochs && warmup.bound.has("steps")) {
    const span = entrySpan(warmup, "steps");
    facts.overriddenKeys = ["steps"];
    if (span) {
      sink.add({
        rule: "ignored-key",
        severity: "information",
        message: `\`steps: ${pyShow(warmup.bound.get("steps").value)}\` is ignored: \`epochs: ${pyShow(warmup.bound.get("epochs").value)}\` wins, so the warmup lasts ${built.warmupSteps} iterations (epochs × ${spe} steps per epoch).`,
        span,
      });
    }
  }
  if (decay.cls.name === "PiecewiseDecay" && decay.bound.has("values") && decay.bound.has("gamma")) {
    const span = entrySpan(decay, "gamma");
    facts.ignoredKeys = ["gamma"];
    if (span) sink.add({ rule: "ignored-key", severity: "information", message: "`gamma` is ignored: PaddleDetection uses the explicit `values` when they are given.", span });
  }
  const model = built.model;
  if (!model) return;
  const tail = model.tail;
  if (tail.kind === "milestones" && model.warmup) {
    const w = model.warmup.steps;
    const pm = tailPrefixMax(tail.boundaries);
    // A milestone at or before an earlier boundary (the warmup's last is W) is passed over by Paddle's scan.
    const covered = tail.boundaries.filter((b, j) => b < w || (j > 0 && b <= pm[j - 1]));
    facts.milestoneIterations = tail.boundaries;
    if (covered.length > 0) {
      facts.unsortedBoundaries = true;
      const known = n.stepsPerEpoch.source !== "unknown";
      const span = entrySpan(decay, "milestones") ?? decay.nameSpan;
      const at = lrAt(model, w);
      sink.add({
        rule: "warmup-overlaps-milestone",
        severity: known ? "warning" : "information",
        message:
          `The warmup (${w} iterations) ends after milestone iteration${covered.length > 1 ? "s" : ""} ${covered.join(", ")} (${spe} steps per epoch${known ? "" : ", assumed"}): ` +
          `PaddleDetection appends milestone boundaries after the warmup without sorting, so Paddle's in-order scan skips base_lr and at iteration ${w} the LR drops straight to ${fmt(at)}.`,
        span,
      });
    }
  }
  if (tail.kind === "cosine") {
    const maxEpochs = pyNumber(decay.bound.get("max_epochs").value)?.value;
    facts.cosineIterations = tail.maxIters;
    if (n.trainingEpochs !== undefined && maxEpochs !== undefined && maxEpochs !== n.trainingEpochs && n.trainingEpochs > 0) {
      facts.cosineMaxEpochs = maxEpochs;
      const end = lrAt(model, n.trainingEpochs * spe - 1);
      const span = entrySpan(decay, "max_epochs") ?? decay.nameSpan;
      const why =
        maxEpochs > n.trainingEpochs
          ? `training stops after epoch ${n.trainingEpochs}, with the LR at ${fmt(end)} (${fmt((100 * end) / model.baseLr)}% of base_lr), above the minimum ${fmt(tail.minLr)}`
          : `the LR reaches its minimum ${fmt(tail.minLr)} at epoch ${maxEpochs} and stays there for the last ${n.trainingEpochs - maxEpochs} epochs`;
      sink.add({ rule: "cosine-max-epochs", severity: "information", message: `CosineDecay is laid out over max_epochs: ${maxEpochs}, not the training length epoch: ${n.trainingEpochs}: ${why}.`, span });
    }
  }
}
