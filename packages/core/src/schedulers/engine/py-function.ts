/** Calling a user's Python function value (`lr_lambda`, `scale_fn`) the way Paddle's code calls it, including what Python raises for non-callables. */
import type { PyValue } from "../types";
import { pythonRaise } from "./py-raise";
import { typeName } from "./py-value";

/** `callable(v)`: lambdas, and scheduler instances (they define `__call__`). */
export function isCallable(v: PyValue): boolean {
  return v.type === "fn" || v.type === "scheduler";
}

/** `f(x)`: a lambda's value, or the Python error its call raises (blamed on `param`). `xIsInt`: Python's type of x. */
export function callFunction(f: PyValue, x: number, param: string, xIsInt = Number.isInteger(x)): number {
  if (f.type === "fn") {
    const r = f.fn.call(x, xIsInt);
    if ("error" in r) pythonRaise(r.errorType, r.error, param);
    return r.value;
  }
  if (f.type === "scheduler") pythonRaise("TypeError", `${f.spec.name}.__call__() takes 1 positional argument but 2 were given`, param);
  return pythonRaise("TypeError", `'${typeName(f)}' object is not callable`, param);
}
