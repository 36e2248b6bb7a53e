/** Python float arithmetic where it differs from JavaScript: `//` and `%` (toward −∞, CPython's exact algorithm), true division by zero, `min`/`max`, `**`, and the libm functions. */
import { crLog } from "../../numeric/log";
import { pyPowChecked } from "../../numeric/pow";
import { pythonRaise } from "./py-raise";

/** `a / b` for floats: ZeroDivisionError("float division by zero") instead of Infinity/NaN. */
export function trueDiv(a: number, b: number, param: string | null): number {
  if (b === 0) pythonRaise("ZeroDivisionError", "float division by zero", param);
  return a / b;
}

/**
 * `a // b` exactly as CPython's float floor division (fmod, then an exact quotient, then floor),
 * which also equals integer floor division for ints below 2^53.
 */
export function floorDiv(a: number, b: number, param: string | null): number {
  if (b === 0) pythonRaise("ZeroDivisionError", "float floor division by zero", param);
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  }
  // CPython returns a signed zero here; no schedule depends on the sign of a zero quotient.
  if (div === 0) return 0;
  let fl = Math.floor(div);
  if (div - fl > 0.5) fl += 1;
  return fl;
}

/** `a % b` with the sign of the divisor, as Python. */
export function pyMod(a: number, b: number, param: string | null): number {
  if (b === 0) pythonRaise("ZeroDivisionError", "float modulo", param);
  const mod = a % b;
  if (mod !== 0 && b < 0 !== mod < 0) return mod + b;
  return mod;
}

/** Python's `min(a, b)`: the first argument unless the second is strictly smaller. */
export function pyMin(a: number, b: number): number {
  return b < a ? b : a;
}

/** Python's `max(a, b)`: the first argument unless the second is strictly greater. */
export function pyMax(a: number, b: number): number {
  return b > a ? b : a;
}

/** `a ** b` for Python floats, raising ZeroDivisionError / OverflowError as CPython does. */
export function pow(a: number, b: number, param: string | null): number {
  const r = pyPowChecked(a, b);
  if ("error" in r) pythonRaise(r.errorType, r.error, param);
  return r.value;
}

/** `math.log(x)` (glibc-compatible, see numeric/log.ts); ValueError("math domain error") for x <= 0. */
export function mathLog(x: number, param: string | null): number {
  if (!(x > 0)) pythonRaise("ValueError", "math domain error", param);
  return crLog(x);
}

/** `math.cos`: V8's cos differs from glibc's in the last bit for a few % of inputs (tolerated, see README). */
export const mathCos = Math.cos;
/** `math.exp` (same caveat as mathCos); OverflowError("math range error") past ~709.78. */
export function mathExp(x: number, param: string | null): number {
  const r = Math.exp(x);
  if (r === Infinity && Number.isFinite(x)) pythonRaise("OverflowError", "math range error", param);
  return r;
}

/** `math.ceil` / `math.floor` / `int()` of a float (int() truncates toward zero). */
export function pyTrunc(x: number): number {
  return Math.trunc(x);
}
