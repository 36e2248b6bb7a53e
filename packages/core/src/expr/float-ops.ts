/** Python float arithmetic where it differs from JavaScript's: floor division, modulo and `**` with CPython's special cases and exceptions. */
import { pyPow, pyPowChecked } from "../numeric/pow";
import { raise } from "./values";

/** `a // b` as CPython's `float_floor_div` computes it (via fmod, so `-7.5 // 2 == -4.0` and `1 // 0.1 == 9.0`). */
export function floatFloorDiv(a: number, b: number): number {
  if (b === 0) raise("ZeroDivisionError", "float floor division by zero");
  const mod = a % b; // JS `%` on doubles is C's fmod: exact.
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) {
    const q = a / b;
    return q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  let floordiv = Math.floor(div);
  if (div - floordiv > 0.5) floordiv += 1;
  return floordiv;
}

/** `a % b` as CPython's `float_rem`: the result takes the divisor's sign, a zero result too. */
export function floatMod(a: number, b: number): number {
  if (b === 0) raise("ZeroDivisionError", "float modulo");
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}

/**
 * `a ** b` for floats, CPython's `float_pow`: infinite and NaN operands never raise; a zero base
 * with a negative exponent is a ZeroDivisionError; a finite overflow is an OverflowError; a negative
 * base with a fractional exponent (a complex number in Python) is reported as a ValueError.
 */
export function floatPow(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return pyPow(a, b);
  const r = pyPowChecked(a, b);
  if ("error" in r) raise(r.errorType, r.error);
  return r.value;
}
