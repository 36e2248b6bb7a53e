/** Exact rational checks for tests: whether a double is the one nearest to a BigInt fraction. */

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** A finite double as an exact fraction [num, den] with den a power of two. */
export function toFraction(x: number): [bigint, bigint] {
  F64[0] = x;
  const bits = U64[0];
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  const mant = biased === 0 ? frac : frac | (1n << 52n);
  const exp = biased === 0 ? -1074 : biased - 1075;
  const num = negative ? -mant : mant;
  return exp >= 0 ? [num << BigInt(exp), 1n] : [num, 1n << BigInt(-exp)];
}

function neighbour(x: number, up: boolean): number {
  F64[0] = x;
  if (x === 0) return up ? 5e-324 : -5e-324;
  U64[0] = x > 0 === up ? U64[0] + 1n : U64[0] - 1n;
  return F64[0];
}

/** |a/b − c/d| compared with |a/b − e/f| without rounding (all denominators positive). */
function closerOrEqual(num: bigint, den: bigint, x: number, y: number): boolean {
  const [xn, xd] = toFraction(x);
  const [yn, yd] = toFraction(y);
  const abs = (v: bigint) => (v < 0n ? -v : v);
  const dx = abs(num * xd - xn * den) * yd;
  const dy = abs(num * yd - yn * den) * xd;
  return dx <= dy;
}

/** True when `x` is a double nearest to num/den (den > 0): no neighbour of x is strictly closer. */
export function isNearestDouble(x: number, num: bigint, den: bigint): boolean {
  if (!Number.isFinite(x)) return false;
  return closerOrEqual(num, den, x, neighbour(x, true)) && closerOrEqual(num, den, x, neighbour(x, false));
}
