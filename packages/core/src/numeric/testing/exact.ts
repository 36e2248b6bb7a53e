/** Test-only exact rational arithmetic: a double as a BigInt fraction, an independent "is this the correctly rounded double?" check, and reference powers built on it. */

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** x (finite) as num/den with den a power of two. */
export function exactRational(x: number): [bigint, bigint] {
  F64[0] = x;
  const bits = U64[0];
  const neg = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  const mant = biased === 0 ? frac : frac | (1n << 52n);
  const e = biased === 0 ? -1074 : biased - 1075;
  const n = neg ? -mant : mant;
  return e >= 0 ? [n << BigInt(e), 1n] : [n, 1n << BigInt(-e)];
}

/** The next double toward +Infinity / -Infinity. */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return 5e-324;
  F64[0] = x;
  U64[0] = x > 0 ? U64[0] + 1n : U64[0] - 1n;
  return F64[0];
}
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** a/b compared with c/d (b, d > 0). */
function cmp(a: bigint, b: bigint, c: bigint, d: bigint): number {
  const l = a * d;
  const r = c * b;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * Whether `got` is the round-to-nearest-even double of num/den (den > 0): it lies within half the
 * gap to each neighbour, and on an exact tie its last bit is even. Written independently of
 * `numeric/round.ts` so tests do not check the code against itself.
 */
export function isCorrectlyRounded(got: number, num: bigint, den: bigint): boolean {
  if (!Number.isFinite(got)) {
    // Overflow: the exact value must reach the rounding threshold 2^1024 - 2^970.
    const [tn, td] = [(1n << 1024n) - (1n << 970n), 1n];
    return got > 0 ? cmp(num, den, tn, td) >= 0 : cmp(-num, den, tn, td) >= 0;
  }
  const [gn, gd] = exactRational(got);
  const up = nextUp(got);
  const down = nextDown(got);
  // Midpoints with the neighbours (a neighbour of the largest double is 2^1024 for this purpose).
  const [un, ud] = Number.isFinite(up) ? exactRational(up) : [1n << 1024n, 1n];
  const [dn, dd] = Number.isFinite(down) ? exactRational(down) : [-(1n << 1024n), 1n];
  const hiN = gn * ud + un * gd;
  const hiD = 2n * gd * ud;
  const loN = gn * dd + dn * gd;
  const loD = 2n * gd * dd;
  const vsHi = cmp(num, den, hiN, hiD);
  const vsLo = cmp(num, den, loN, loD);
  if (vsHi < 0 && vsLo > 0) return true;
  const even = (U64[0] = 0n, F64[0] = got, (U64[0] & 1n) === 0n);
  if (vsHi === 0 || vsLo === 0) return even;
  return false;
}

/**
 * The correctly rounded `base ** k` (k ≥ 0 integer), found without `pyPow`: the candidate among
 * Math.pow's result and its neighbours that `isCorrectlyRounded` accepts against the exact power.
 */
export function referencePow(base: number, k: number): number {
  const [n, d] = exactRational(base);
  const e = BigInt(k);
  const num = n ** e;
  const den = d ** e;
  let c = Math.pow(base, k);
  for (let j = 0; j < 4; j++) c = nextDown(c);
  for (let j = 0; j < 9; j++, c = nextUp(c)) if (isCorrectlyRounded(c, num, den)) return c;
  throw new Error(`no correctly rounded candidate near Math.pow(${base}, ${k})`);
}
