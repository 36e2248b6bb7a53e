/**
 * Python's `float ** float` as CPython on glibc computes it: integral exponents are correctly
 * rounded (V8's `Math.pow(0.9, 4)` is 0.6561000000000001, Python's `0.9 ** 4` is 0.6561), which is
 * what makes `gamma ** k` decays bit-exact with Paddle.
 */
import { decompose, roundToDouble } from "./round";
import { ddMul, ddRecip, ddSquare } from "./double-double";

/** Largest |exponent| computed exactly; beyond it `Math.pow` (≤ 1 ulp) stands in. */
export const EXACT_POW_MAX_EXPONENT = 8192;

/**
 * `base ** exp` for Python floats. Integral `exp` with |exp| ≤ EXACT_POW_MAX_EXPONENT: the correctly
 * rounded value (ties to even, subnormals, overflow → Infinity). Otherwise `Math.pow`, with C's
 * special cases (`1 ** nan = 1`, `(-1) ** ±inf = 1`). `0 ** negative` gives Infinity and a negative
 * base with a fractional exponent gives NaN: use `pyPowChecked` for Python's errors.
 */
export function pyPow(base: number, exp: number): number {
  if (exp === 0) return 1;
  if (Number.isNaN(base)) return base;
  if (Number.isNaN(exp)) return base === 1 ? 1 : exp;
  if (!Number.isFinite(exp)) {
    const a = Math.abs(base);
    if (a === 1) return 1;
    return (a > 1) === exp > 0 ? Infinity : 0;
  }
  if (!Number.isInteger(exp) || Math.abs(exp) > EXACT_POW_MAX_EXPONENT) return Math.pow(base, exp);
  if (base === 0 || !Number.isFinite(base)) return Math.pow(base, exp);
  if (exp === 1) return base;
  const negative = base < 0 && Math.abs(exp) % 2 === 1;
  const mag = integerPowAbs(Math.abs(base), exp);
  return negative ? -mag : mag;
}

export type PowResult = { value: number } | { error: string; errorType: "ZeroDivisionError" | "OverflowError" | "ValueError" };

/**
 * `pyPow` with the exceptions CPython's `float.__pow__` raises: ZeroDivisionError for `0.0 ** -1`,
 * OverflowError for a finite result out of range. A negative base to a fractional power is a
 * complex number in Python; no schedule can use one, so it is reported as a ValueError here.
 */
export function pyPowChecked(base: number, exp: number): PowResult {
  if (base === 0 && exp < 0) return { error: "0.0 cannot be raised to a negative power", errorType: "ZeroDivisionError" };
  if (base < 0 && Number.isFinite(base) && Number.isFinite(exp) && !Number.isInteger(exp)) {
    return { error: "negative number cannot be raised to a fractional power (Python gives a complex number)", errorType: "ValueError" };
  }
  const value = pyPow(base, exp);
  if (!Number.isFinite(value) && Number.isFinite(base) && Number.isFinite(exp)) {
    return { error: "(34, 'Numerical result out of range')", errorType: "OverflowError" };
  }
  return { value };
}

/** |base| ** k for finite non-zero base and integral k, correctly rounded. */
function integerPowAbs(base: number, k: number): number {
  // Far outside the double range the answer is 0 or Infinity whatever the rounding: skip the
  // exact path, whose BigInt would have thousands of digits. log2's error is far below the margin.
  const magnitude = k * Math.log2(base);
  if (magnitude < -1080) return 0;
  if (magnitude > 1030) return Infinity;
  const fast = ddPowIfSafe(base, k);
  if (fast !== undefined) return fast;
  return exactPow(base, k);
}

/**
 * Double-double binary powering: about 104 bits, relative error below (4|k| + 64)·2^-104. When the
 * double nearest to that approximation cannot change within the error bound, it is the correctly
 * rounded result; near a rounding midpoint, near a power of two, or out of the normal range we
 * return undefined and the exact BigInt path decides.
 */
function ddPowIfSafe(base: number, k: number): number | undefined {
  // Keep every partial power well inside the normal range, where the split products stay exact.
  if (Math.abs(k * Math.log2(base)) > 900) return undefined;
  let n = Math.abs(k);
  let rh = 1;
  let rl = 0;
  let bh = base;
  let bl = 0;
  while (true) {
    if (n & 1) [rh, rl] = ddMul(rh, rl, bh, bl);
    n = Math.floor(n / 2);
    if (n === 0) break;
    [bh, bl] = ddSquare(bh, bl);
  }
  if (k < 0) [rh, rl] = ddRecip(rh, rl);
  const a = Math.abs(rh);
  if (!Number.isFinite(rl) || !(a > 2 ** -1000 && a < 2 ** 1000)) return undefined;
  const bound = a * (4 * Math.abs(k) + 64) * 2 ** -104;
  const ulp = ulpOf(a);
  // Distance of the approximation from the nearest rounding midpoint (halfway to a neighbour).
  const midpointGap = isPowerOfTwo(a) ? (rl * rh < 0 ? ulp / 4 : ulp / 2) - Math.abs(rl) : ulp / 2 - Math.abs(rl);
  if (midpointGap <= bound) return undefined;
  return rh;
}

/** Exact `base ** k` as a BigInt rational, rounded once. */
function exactPow(base: number, k: number): number {
  const { mant, exp } = decompose(base);
  const n = BigInt(Math.abs(k));
  const power = mant ** n;
  if (k > 0) return roundToDouble(power, exp * k);
  // base^k = 2^(-exp*|k|) / power: a quotient with ≥ 56 significant bits plus a sticky remainder.
  const lenP = power.toString(2).length;
  const s = lenP + 56;
  const q = (1n << BigInt(s)) / power;
  const sticky = q * power !== 1n << BigInt(s);
  return roundToDouble(q, -exp * Math.abs(k) - s, sticky);
}

function ulpOf(a: number): number {
  const e = Math.floor(Math.log2(a));
  // log2 may be off by one near powers of two; correct it.
  const p = 2 ** e > a ? e - 1 : 2 ** (e + 1) <= a ? e + 1 : e;
  return 2 ** (p - 52);
}

function isPowerOfTwo(a: number): boolean {
  const { mant } = decompose(a);
  return (mant & (mant - 1n)) === 0n;
}

/** The smallest integer k ≥ 0 for which `base ** k` overflows (|base| > 1), or Infinity when it never does. */
export function firstOverflowExponent(base: number): number {
  const a = Math.abs(base);
  if (!(a > 1) || !Number.isFinite(a)) return a === Infinity ? 1 : Infinity;
  const estimate = Math.floor(1024 / Math.log2(a));
  // Past 2^52 consecutive exponents are not all representable: treat it as never overflowing.
  if (!(estimate < 2 ** 52)) return Infinity;
  let k = Math.max(1, estimate - 2);
  while (k > 1 && !Number.isFinite(pyPow(a, k - 1))) k--;
  while (Number.isFinite(pyPow(a, k))) k++;
  return k;
}
