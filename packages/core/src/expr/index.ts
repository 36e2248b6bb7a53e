/**
 * Function-valued scheduler parameters (`lr_lambda`, `scale_fn`): compiles Python lambda text of a
 * safe subset into a `PyFunction` with Python's int/float semantics, or a positioned error.
 *
 * Choices (see the tests for each):
 * - Only `lambda <name>: <expr>` is accepted. A bare expression (`0.95 ** epoch`) is an error:
 *   Paddle needs a callable and would reject it, so drawing a curve for it would mislead.
 * - Newlines and tabs count as spaces and `#` comments are skipped, so YAML block scalars work.
 * - Ints are exact but bounded to 4096 bits (an OverflowError beyond), so nothing can hang.
 * - Arity errors of builtins are TypeErrors at call time, as in Python; unknown names, attributes
 *   and syntax outside the subset are compile errors with the offending span (the first one in
 *   the text).
 * - Where Python would produce a complex number (`(-8) ** (1/3)`) we raise a ValueError.
 * - `**` on floats is `pyPow` (correctly rounded for integral exponents, as glibc's pow); math.cos,
 *   exp, log... are V8's, which can differ from glibc in the last bit.
 * - An int result beyond 2^53 comes back as the nearest double (the int arithmetic itself is exact).
 */
import type { PyFunction, PyErrorType } from "../schedulers/types";
import { compileNode } from "./compile";
import { parseLambda } from "./parser";
import { ExprSyntaxError, type ExprError } from "./tokenizer";
import { type PyVal, PyRaise, SmallInt, intFromIntegral } from "./values";

export type { ExprError } from "./tokenizer";

export interface CompileLambdaOptions {
  /** Longest accepted text (default 2,000 characters, `Limits.maxLambdaChars`). */
  maxChars?: number;
  /** Most node visits one call may make (default 10,000, `Limits.maxLambdaCost`). */
  maxCost?: number;
}

export type CompileLambdaResult = { ok: true; fn: PyFunction; param: string } | { ok: false; error: ExprError };

export const DEFAULT_MAX_LAMBDA_CHARS = 2_000;
export const DEFAULT_MAX_LAMBDA_COST = 10_000;
/** Parentheses, unary operators, calls, `**` and conditionals nested deeper than this are refused. */
export const MAX_LAMBDA_NESTING = 100;
/** Syntax-tree height bound: keeps evaluation recursion shallow even for long `a + b + c + ...` chains. */
export const MAX_LAMBDA_HEIGHT = 1_000;

export function compileLambda(text: string, opts?: CompileLambdaOptions): CompileLambdaResult {
  const limit = (v: number | undefined, fallback: number) => (typeof v === "number" && v > 0 ? v : fallback);
  const maxChars = limit(opts?.maxChars, DEFAULT_MAX_LAMBDA_CHARS);
  const maxCost = limit(opts?.maxCost, DEFAULT_MAX_LAMBDA_COST);
  if (typeof text !== "string") return { ok: false, error: { message: "a lambda must be given as text", offset: 0, length: 0 } };
  if (text.length > maxChars) {
    return { ok: false, error: { message: `lambda text is ${text.length} characters long; the limit is ${maxChars}`, offset: maxChars, length: text.length - maxChars } };
  }
  try {
    const parsed = parseLambda(text, { maxDepth: MAX_LAMBDA_NESTING, maxHeight: MAX_LAMBDA_HEIGHT, maxNodes: maxCost });
    const evaluate = compileNode(parsed.body);
    const fn: PyFunction = {
      text,
      call(x: number, xIsInt?: boolean) {
        const isInt = (xIsInt ?? Number.isInteger(x)) && Number.isInteger(x);
        const state = { x: isInt ? intFromIntegral(x) : (x as PyVal), budget: maxCost };
        try {
          return toResult(evaluate(state));
        } catch (e) {
          if (e instanceof PyRaise) return { error: e.message, errorType: e.errorType };
          // A bug of ours (or a RangeError we did not foresee) must still not escape the core.
          return { error: `internal error while evaluating the lambda: ${String(e)}`, errorType: "RuntimeError" };
        }
      },
    };
    return { ok: true, fn, param: parsed.param };
  } catch (e) {
    if (e instanceof ExprSyntaxError) return { ok: false, error: e.error };
    return { ok: false, error: { message: `internal error while reading the lambda: ${String(e)}`, offset: 0, length: text.length } };
  }
}

function toResult(v: PyVal): { value: number; isInt: boolean } | { error: string; errorType: PyErrorType } {
  if (typeof v === "number") return { value: v, isInt: false };
  if (v instanceof SmallInt) return { value: v.v, isInt: true };
  if (typeof v === "boolean") return { value: v ? 1 : 0, isInt: true };
  if (v === null) return { error: "the lambda returned None, not a number", errorType: "TypeError" };
  const value = Number(v);
  // Paddle multiplies the result by a float next, which raises exactly this for such an int.
  if (!Number.isFinite(value)) return { error: "int too large to convert to float", errorType: "OverflowError" };
  return { value, isInt: true };
}
