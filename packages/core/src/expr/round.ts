/** Python's `round()`: half-to-even on the exact binary value of a float, `round(x, n)` for floats and ints, with CPython's errors. */
import { decompose } from "../numeric/round";
import { intTrueDiv } from "./int-ops";
import { type PyInt, type PyVal, asBigInt, floatToInt, intFromIntegral, isIntLike, mkInt, raise, typeName } from "./values";

/** CPython returns x unchanged beyond this many digits (no double has more) and 0.0 below NDIGITS_MIN. */
const NDIGITS_MAX = 323;
const NDIGITS_MIN = -308;

/** `round(x)` when `ndigits` is absent or None, `round(x, ndigits)` otherwise. */
export function pyRound(x: PyVal, ndigits: PyVal | undefined): PyVal {
  if (x === null) raise("TypeError", "type NoneType doesn't define __round__ method");
  if (ndigits === undefined || ndigits === null) {
    return isIntLike(x) ? mkInt(asBigInt(x)) : roundToInt(x);
  }
  if (!isIntLike(ndigits)) raise("TypeError", `'${typeName(ndigits)}' object cannot be interpreted as an integer`);
  const n = asBigInt(ndigits);
  return isIntLike(x) ? mkInt(roundIntDigits(asBigInt(x), n)) : roundFloatDigits(x, n);
}

/** `round(float)`: the nearest int, ties to the even one (`round(2.5) == 2`, `round(-0.5) == 0`). */
function roundToInt(f: number): PyInt {
  if (!Number.isFinite(f)) return floatToInt(f);
  const fl = Math.floor(f);
  const frac = f - fl; // exact for every double
  const r = frac > 0.5 ? fl + 1 : frac < 0.5 ? fl : fl % 2 === 0 ? fl : fl + 1;
  return intFromIntegral(r);
}

/** `round(int, n)`: unchanged for n ≥ 0, else to a multiple of 10^-n with ties to even. */
function roundIntDigits(v: bigint, n: bigint): bigint {
  if (n >= 0n) return v;
  // Every int we hold is below 2^4096 < 10^1234 / 2, so it rounds to zero this far out.
  if (n < -1300n) return 0n;
  const p = 10n ** -n;
  let q = v / p;
  let r = v % p;
  if (r < 0n) {
    q -= 1n;
    r += p;
  }
  const twice = 2n * r;
  if (twice > p || (twice === p && (q & 1n) === 1n)) q += 1n;
  return q * p;
}

/** `round(float, n)`: the exact value rounded half-even at 10^-n, then the nearest double (CPython's dtoa route). */
function roundFloatDigits(x: number, n: bigint): number {
  // CPython converts ndigits to a C ssize_t for floats before anything else.
  if (n >= 1n << 63n || n < -(1n << 63n)) raise("OverflowError", "Python int too large to convert to C ssize_t");
  if (!Number.isFinite(x) || x === 0) return x;
  if (n > BigInt(NDIGITS_MAX)) return x;
  if (n < BigInt(NDIGITS_MIN)) return 0 * x;
  const digits = Number(n);
  const { mant, exp, negative } = decompose(x);
  let num: bigint;
  let den: bigint;
  if (digits >= 0) {
    // An integral scaled value needs no rounding: x itself is the answer.
    if (exp >= 0) return x;
    num = mant * 10n ** BigInt(digits);
    den = 1n << BigInt(-exp);
  } else {
    const p = 10n ** BigInt(-digits);
    num = exp >= 0 ? mant << BigInt(exp) : mant;
    den = exp >= 0 ? p : p << BigInt(-exp);
  }
  let q = num / den;
  const twice = 2n * (num - q * den);
  if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  const mag = digits >= 0 ? intTrueDiv(q, 10n ** BigInt(digits)) : Number(q * 10n ** BigInt(-digits));
  if (!Number.isFinite(mag)) raise("OverflowError", "rounded value too large to represent");
  return negative ? -mag : mag;
}
