/**
 * The generic `paddle` dialect: the seed article's form, and the fallback for configs of any other
 * project. A mapping whose `name` (or `type`/`class`, also qualified as `paddle.optimizer.lr.X`)
 * is a `paddle.optimizer.lr` class, its keyword arguments as sibling keys, anywhere in the file.
 *
 * Schedule: `path` is the dotted key path with list indexes (`lr_scheduler`, `train.scheds[0]`);
 * stepping `{ per: "step", every: 1 }` (one curve index is one `step()` call: the training loop is
 * unknown); steps per epoch only from the comment or the setting (for display).
 *
 * Choices: an unknown class counts as a schedule only under an LR-ish key or with two LR-only
 * sibling keys (then a warning when a Paddle class is a close did-you-mean, a note otherwise); keys
 * that are not parameters are left out of the spec (`unknown-parameter`, same policy); arguments
 * may also sit under an `args`/`params`/`kwargs` mapping, and `{type: X, args: {...}}` naming a
 * non-Paddle class is another project's registry entry, left alone.
 *
 * Facts set on each schedule:
 * - `nameKey`: which key named the class (`name`, `type` or `class`); `qualifiedName` when prefixed.
 * - `unknownKeys`: keys that are not parameters of the class (left out of the spec, `unknown-parameter`).
 * - `wrappedKey`: `learning_rate` or `scheduler`, where LinearWarmup's wrapped scheduler was written.
 * - `impliedLearningRate: true`: the wrapped scheduler took LinearWarmup's end_lr (`implicit-learning-rate`).
 * - `chain`: the class chain, e.g. `["LinearWarmup", "MultiStepDecay"]`.
 * - `unknownClass`: the name, when the block clearly is a schedule of a class lrlens does not know.
 */
import type { ConfigNode, ParsedFile } from "../../config/types";
import { getSchedulerInfo } from "../../schedulers";
import type { Dialect, DialectContext, Schedule, VocabularyEntry } from "../types";
import { DiagnosticSink } from "../common/diagnostic";
import { resolveStepsPerEpoch, stepsPerEpochDirective } from "../common/steps-per-epoch";
import { findScheduleBlocks, genericFormStrength, PADDLE_LR_CLASSES, type BlockCandidate } from "./find-blocks";
import { convertBlock, unknownClassFinding } from "./to-spec";

/** Lower than any suite dialect: a suite's reading of the same keys is the true one. */
const SCORE = [0, 0.05, 0.1] as const;

function extractBlock(ctx: DialectContext, b: BlockCandidate): Schedule {
  const sink = new DiagnosticSink(ctx.config);
  const schedule: Schedule = {
    dialect: "paddle",
    path: b.path,
    node: b.node,
    entry: b.entry,
    name: b.rawName,
    nameSpan: b.nameEntry.value.span,
    kind: b.className ?? b.rawName,
    argSources: {},
    stepping: { per: "step", every: 1 },
    stepsPerEpoch: resolveStepsPerEpoch({ comment: stepsPerEpochDirective(ctx.config.own), setting: ctx.stepsPerEpochSetting }),
    facts: { nameKey: b.nameEntry.key },
    diagnostics: sink.items,
  };
  if (!b.className) {
    sink.add(unknownClassFinding(b.rawName, b.nameEntry.value.span));
    schedule.facts.unknownClass = b.rawName;
    return schedule;
  }
  const converted = convertBlock(ctx.config, b.node, b.nameEntry, b.className, 0, { maxChars: ctx.limits.maxLambdaChars, maxCost: ctx.limits.maxLambdaCost });
  for (const d of converted.diagnostics) sink.add(d);
  schedule.kind = converted.chain.join(">");
  schedule.spec = converted.spec;
  schedule.argSources = converted.sources;
  Object.assign(schedule.facts, converted.facts, { chain: converted.chain });
  return schedule;
}

export const paddleDialect: Dialect = {
  id: "paddle",
  label: "paddle.optimizer.lr",
  detect(own: ParsedFile, merged: ConfigNode | undefined): number {
    return SCORE[genericFormStrength(merged ?? own.root)];
  },
  extract(ctx) {
    const blocks = findScheduleBlocks(ctx.config.root, ctx.limits.maxNestingDepth);
    return { schedules: blocks.map((b) => extractBlock(ctx, b)), diagnostics: [] };
  },
  vocabulary(): VocabularyEntry[] {
    return PADDLE_LR_CLASSES.map((name) => {
      const info = getSchedulerInfo(name);
      return { name, doc: info?.doc ?? `paddle.optimizer.lr.${name}`, params: info?.params ?? [] };
    });
  },
};
