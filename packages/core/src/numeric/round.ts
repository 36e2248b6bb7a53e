/** Exact binary helpers: splitting a double into integer mantissa and exponent, and rounding an exact BigInt value to the nearest double. */

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** A finite non-zero double as `mant * 2^exp` with `mant` an odd-or-53-bit positive BigInt. */
export function decompose(x: number): { mant: bigint; exp: number; negative: boolean } {
  F64[0] = x;
  const bits = U64[0];
  const negative = (bits >> 63n) === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  if (biased === 0) return { mant: frac, exp: -1074, negative };
  return { mant: frac | 0x10000000000000n, exp: biased - 1075, negative };
}

/** Number of significant bits of a positive BigInt. */
export function bitLength(n: bigint): number {
  // toString(16) is linear in size; fine for the few-thousand-bit values this module sees.
  const hex = n.toString(16);
  const lead = parseInt(hex[0], 16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(lead));
}

/** `x * 2^n` without intermediate rounding when the result is representable (chunks keep every step exact). */
export function ldexp(x: number, n: number): number {
  while (n > 1000) {
    x *= 2 ** 1000;
    n -= 1000;
    if (!Number.isFinite(x)) return x;
  }
  while (n < -1000) {
    x *= 2 ** -1000;
    n += 1000;
  }
  return x * 2 ** n;
}

/**
 * The double nearest to `mant * 2^exp` (+ a little more when `sticky`: the true value lies strictly
 * above), ties to even, with gradual underflow and overflow to Infinity, as IEEE round-to-nearest does.
 */
export function roundToDouble(mant: bigint, exp: number, sticky = false): number {
  if (mant === 0n) return 0;
  const len = bitLength(mant);
  const topExp = len - 1 + exp; // value in [2^topExp, 2^(topExp+1))
  if (topExp > 1024) return Infinity;
  // Bits we may keep: 53 for normals, fewer below 2^-1022 (the grid is 2^-1074 there).
  const lowestKept = Math.max(topExp - 52, -1074);
  const shift = lowestKept - exp;
  let q: bigint;
  let qExp: number;
  if (shift <= 0) {
    q = mant;
    qExp = exp;
  } else {
    const s = BigInt(shift);
    q = mant >> s;
    const rem = mant - (q << s);
    const half = 1n << (s - 1n);
    if (rem > half || (rem === half && (sticky || (q & 1n) === 1n))) q += 1n;
    qExp = lowestKept;
  }
  // q has at most 54 bits after a carry; Number(q) is exact since a carry leaves a power of two.
  const result = ldexp(Number(q), qExp);
  return result;
}
