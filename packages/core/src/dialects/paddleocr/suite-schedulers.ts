/** Registers PaddleOCR's own scheduler classes (`ppocr/optimizer/lr_scheduler.py`) with the engine, so specs can name them. */
import { registerScheduler } from "../../schedulers/registry";
import { registerPlainNumber } from "../common/plain-number";
import { CyclicalCosineDecay } from "./cyclical-cosine-decay";
import { OneCycleDecay } from "./one-cycle-decay";
import { TwoStepCosineDecay } from "./two-step-cosine-decay";

export function registerOcrSchedulers(): void {
  registerScheduler(OneCycleDecay);
  registerScheduler(TwoStepCosineDecay);
  registerScheduler(CyclicalCosineDecay);
  registerPlainNumber();
}
