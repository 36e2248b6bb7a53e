/**
 * Binds a config block to a suite builder's Python signature (`Cls(**lr_config)`): defaults, missing
 * required arguments, keys a `**kwargs` swallows, keys a strict signature rejects; and the error
 * type builders throw when the suite itself would fail at startup.
 */
import type { PyValue } from "../../schedulers/types";
import type { Origin } from "./args";
import { pyMul, pyRound, pyShow, type PyResult } from "./py-arith";

/** A parameter of a suite's Python class; no `default` means required. */
export interface PyParam {
  name: string;
  default?: PyValue;
}

export interface Arg {
  value: PyValue;
  /** Undefined for defaults and values the suite injects from elsewhere without a YAML key. */
  origin?: Origin;
}

/** Something the suite raises while building the schedule (startup), reported as an error diagnostic. */
export class SuiteRejects extends Error {
  constructor(
    message: string,
    readonly origin?: Origin,
  ) {
    super(message);
  }
}

export interface Bound {
  get(name: string): Arg;
  has(name: string): boolean;
  /** Keys the signature does not name (swallowed by `**kwargs`, or rejected when there is none). */
  unknown: string[];
}

/**
 * Python's call binding for keyword arguments. Throws `SuiteRejects` with Python's own wording for
 * a missing required argument or (without `**kwargs`) an unexpected keyword.
 */
export function bindKwargs(className: string, params: PyParam[], given: Map<string, Arg>, acceptsExtra: boolean, blame?: Origin): Bound {
  const names = new Set(params.map((p) => p.name));
  const unknown = [...given.keys()].filter((k) => !names.has(k));
  if (!acceptsExtra && unknown.length > 0) {
    const k = unknown[0];
    throw new SuiteRejects(`${className}.__init__() got an unexpected keyword argument '${k}'`, given.get(k)?.origin ?? blame);
  }
  const missing = params.filter((p) => p.default === undefined && !given.has(p.name)).map((p) => p.name);
  if (missing.length > 0) {
    const list = missing.map((m) => `'${m}'`);
    const text = list.length === 1 ? list[0] : `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
    throw new SuiteRejects(`${className}.__init__() missing ${missing.length} required positional argument${missing.length > 1 ? "s" : ""}: ${text}`, blame);
  }
  return {
    get(name) {
      const g = given.get(name);
      if (g) return g;
      const p = params.find((q) => q.name === name);
      return { value: p?.default ?? { type: "none" } };
    },
    has: (name) => given.has(name),
    unknown,
  };
}

/** Unwraps a Python operation the suite performs, turning its exception into `SuiteRejects` on the key involved. */
export function must(r: PyResult, what: string, origin?: Origin): PyValue {
  if (r.ok) return r.value;
  throw new SuiteRejects(`${what} raises ${r.errorType}: ${r.message}`, origin);
}

/** `x * steps_per_epoch` as the suite computes it. */
export function timesSpe(arg: Arg, spe: number, what: string): PyValue {
  return must(pyMul(arg.value, { type: "int", value: spe }), what, arg.origin);
}

/** `round(x * steps_per_epoch)`: warmup epochs to warmup steps. */
export function roundTimesSpe(arg: Arg, spe: number, what: string): PyValue {
  return must(pyRound(timesSpe(arg, spe, what)), what, arg.origin);
}

/** `[x * steps_per_epoch for x in xs]`, with Python's errors for a non-list or a non-number item. */
export function listTimesSpe(arg: Arg, spe: number, what: string): PyValue {
  const v = arg.value;
  if (v.type === "str" || v.type === "dict") {
    // Iterating works in Python but multiplies strings/keys: no suite config means that; say so plainly.
    throw new SuiteRejects(`${what}: expected a list of numbers, got ${pyShow(v)}`, arg.origin);
  }
  if (v.type !== "list") throw new SuiteRejects(`${what} raises TypeError: '${v.type === "none" ? "NoneType" : v.type}' object is not iterable`, arg.origin);
  return { type: "list", items: v.items.map((x) => must(pyMul({ type: "int", value: spe }, x), what, arg.origin)) };
}

/** Whether a scaled value is exactly `x × factor` (then a fix can divide back), or rounded/converted on the way. */
export function isExactScale(arg: Arg, spe: number): boolean {
  const v = arg.value;
  if (v.type === "int" || v.type === "bool") return true;
  if (v.type === "float") return Number.isInteger(v.value * spe);
  if (v.type === "list") return v.items.every((x) => x.type === "int" || (x.type === "float" && Number.isInteger(x.value * spe)));
  return false;
}
