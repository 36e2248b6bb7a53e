/** The names PaddleSeg's `lr_scheduler.type` can take (the classes of `paddle.optimizer.lr`) and their parameters for completion. */
import { getSchedulerInfo } from "../../schedulers";
import type { ParamInfo } from "../../schedulers/types";
import type { VocabularyEntry } from "../types";
import { PADDLE_LR_CLASSES } from "./paddle-classes";


/** PaddleSeg's own keys, valid with every `type`. */
export const SEG_WARMUP_PARAMS: ParamInfo[] = [
  { name: "warmup_iters", required: false, kind: "int", doc: "PaddleSeg: wrap the scheduler in LinearWarmup for this many iterations (needs `warmup_start_lr`)." },
  { name: "warmup_start_lr", required: false, kind: "float", doc: "PaddleSeg: the LR the warmup starts from; it ends at `learning_rate`." },
];

let cached: VocabularyEntry[] | undefined;

/** Every class with Paddle's parameters (minus `last_epoch`/`verbose`) plus PaddleSeg's warmup keys. */
export function segVocabulary(): VocabularyEntry[] {
  if (cached) return cached;
  const out: VocabularyEntry[] = [];
  for (const name of PADDLE_LR_CLASSES) {
    const info = getSchedulerInfo(name);
    if (!info) continue;
    const params = info.params.filter((p) => p.name !== "last_epoch" && p.name !== "verbose");
    const doc = name === "PolynomialDecay" ? `${info.doc} PaddleSeg defaults \`decay_steps\` to \`iters − warmup_iters\`.` : info.doc;
    out.push({ name, doc, params: [...params, ...SEG_WARMUP_PARAMS] });
  }
  // Only cache a complete table (the scheduler registry may still be filling while modules load).
  if (out.length === PADDLE_LR_CLASSES.length) cached = out;
  return out;
}
