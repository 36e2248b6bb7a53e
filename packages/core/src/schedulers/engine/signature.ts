/** Binds keyword arguments to a scheduler's Python signature: unexpected and missing arguments raise Python's TypeError, defaults are filled in. */
import type { ParamInfo, PyValue } from "../types";
import { pythonRaise } from "./py-raise";

/** The arguments a constructor receives after Python's call binding (every parameter present). */
export type BoundArgs = Record<string, PyValue>;

function quoteList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(", ")}, and ${q[q.length - 1]}`;
}

/**
 * Python's binding of `Class(**args)`: an unknown keyword fails first
 * (`StepDecay.__init__() got an unexpected keyword argument 'gama'`), then missing required
 * arguments (`NaturalExpDecay.__init__() missing 1 required positional argument: 'gamma'`).
 */
export function bindArgs(className: string, params: readonly ParamInfo[], args: Record<string, PyValue>): BoundArgs {
  const known = new Set(params.map((p) => p.name));
  for (const key of Object.keys(args)) {
    if (!known.has(key)) pythonRaise("TypeError", `${className}.__init__() got an unexpected keyword argument '${key}'`, key);
  }
  const missing = params.filter((p) => p.required && !(p.name in args)).map((p) => p.name);
  if (missing.length > 0) {
    const s = missing.length === 1 ? "" : "s";
    pythonRaise("TypeError", `${className}.__init__() missing ${missing.length} required positional argument${s}: ${quoteList(missing)}`, missing[0]);
  }
  const bound: BoundArgs = {};
  for (const p of params) {
    const given = args[p.name];
    if (given !== undefined) bound[p.name] = given;
    else if (p.default !== undefined) bound[p.name] = p.default;
    else bound[p.name] = { type: "none" };
  }
  return bound;
}
