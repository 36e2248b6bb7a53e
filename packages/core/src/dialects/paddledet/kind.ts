/** The suite-vocabulary description of a PaddleDetection schedule, in the form suite-curves.json's `kind` uses. */
import { pyNumber, pyTruthy } from "../common/py-arith";
import type { DetEntry } from "./read-schedulers";

/**
 * `CosineDecay[max_epochs!=epoch,no warmup]+LinearWarmup(epochs)`, `PiecewiseDecay(gamma)+ExpWarmup(steps)`:
 * the decay with its notable options in brackets, then the warmup entry (even when `use_warmup`
 * drops it) and whether its length comes from `epochs` or `steps`.
 */
export function detKind(decay: DetEntry, warmup: DetEntry | undefined, trainingEpochs: number | undefined): string {
  const b = decay.bound;
  const flags: string[] = [];
  let name: string = decay.cls.name;
  if (decay.cls.name === "PiecewiseDecay") {
    name += b.get("values").value.type !== "none" ? "(values)" : "(gamma)";
  } else {
    const maxEpochs = pyNumber(b.get("max_epochs").value)?.value;
    if (trainingEpochs !== undefined && maxEpochs !== trainingEpochs) flags.push("max_epochs!=epoch");
    if ((pyNumber(b.get("min_lr_ratio").value)?.value ?? 0) !== 0) flags.push("min_lr_ratio");
    if ((pyNumber(b.get("last_plateau_epochs").value)?.value ?? 0) > 0) flags.push("last_plateau");
  }
  if (!pyTruthy(b.get("use_warmup").value)) flags.push("no warmup");
  let kind = flags.length ? `${name}[${flags.join(",")}]` : name;
  if (warmup && warmup.cls.role === "warmup") {
    const wb = warmup.bound;
    const epochs = wb.get("epochs").value.type !== "none" && (warmup.cls.name === "ExpWarmup" || pyTruthy(wb.get("epochs_first").value));
    kind += `+${warmup.cls.name}(${epochs ? "epochs" : "steps"})`;
  }
  return kind;
}
