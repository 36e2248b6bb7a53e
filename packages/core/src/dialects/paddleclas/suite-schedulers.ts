/** Registers PaddleClas' own scheduler class `Constant` (and the plain-number pseudo-class) with the engine. */
import { registerScheduler } from "../../schedulers/registry";
import { registerPlainNumber } from "../common/plain-number";
import { Constant } from "./constant";

export function registerClasSchedulers(): void {
  registerScheduler(Constant);
  registerPlainNumber();
}
