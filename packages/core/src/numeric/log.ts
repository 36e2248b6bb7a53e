/**
 * A correctly rounded natural log (as glibc's `log` is for the inputs schedulers use), via one
 * Newton step in double-double arithmetic. V8's `Math.log(3)` is one ulp below glibc's, which hides
 * Paddle's CosineAnnealingWarmRestarts float-log quirk; this log reproduces it as a rule.
 */
import { ddAdd, ddDiv, ddMul, twoSum } from "./double-double";
import { ldexp } from "./round";

// ln 2 as a double-double (hi is Math.LN2).
const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;

/** exp(y) for a double y (|y| < 700) as a double-double with ~100 correct bits. */
export function ddExp(y: number): [number, number] {
  const k = Math.round(y / LN2_HI);
  // r = y - k·ln2 in double-double: k·LN2_HI is exact enough through twoProd-like splitting via ddMul.
  const [kh, kl] = ddMul(k, 0, LN2_HI, LN2_LO);
  let [rh, rl] = ddAdd(y, 0, -kh, -kl);
  // Scale down so the Taylor series converges in few terms, then square back up.
  const SQUARINGS = 10;
  const scale = 2 ** -SQUARINGS;
  rh *= scale;
  rl *= scale;
  // exp(r) - 1 by Taylor series (|r| < 2^-11: 9 terms exceed 106 bits).
  let [sh, sl] = [rh, rl];
  let [th, tl] = [rh, rl];
  for (let i = 2; i <= 10; i++) {
    [th, tl] = ddMul(th, tl, rh, rl);
    [th, tl] = ddDiv(th, tl, i, 0);
    [sh, sl] = ddAdd(sh, sl, th, tl);
  }
  // (1 + s)^(2^m) - 1 via e' = 2e + e² keeps precision near 1.
  for (let i = 0; i < SQUARINGS; i++) {
    const [qh, ql] = ddMul(sh, sl, sh, sl);
    [sh, sl] = ddAdd(2 * sh, 2 * sl, qh, ql);
  }
  const [eh, el] = ddAdd(1, 0, sh, sl);
  return [eh * 2 ** k, el * 2 ** k];
}

/**
 * log(x) rounded to nearest (glibc's `log` agrees with the correctly rounded value except in
 * rare hard cases). Special values follow C: log(0) = -Infinity, log(negative) = NaN.
 */
export function crLog(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Math.log(x);
  if (x === 1) return 0;
  // Keep exp() in range for subnormal and huge x by factoring out a power of two.
  let m = x;
  let e2 = 0;
  if (x < 2 ** -900 || x > 2 ** 900) {
    e2 = Math.floor(Math.log2(x));
    m = ldexp(x, -e2);
    while (m >= 2) {
      m /= 2;
      e2++;
    }
    while (m < 1) {
      m *= 2;
      e2--;
    }
  }
  const y0 = Math.log(m);
  // Newton: y = y0 + log(m / exp(y0)) ≈ y0 + (q - 1) - (q - 1)²/2, with q = m / exp(y0) ≈ 1.
  const [eh, el] = ddExp(y0);
  const [qh, ql] = ddDiv(m, 0, eh, el);
  const [dh, dl] = ddAdd(qh, ql, -1, 0);
  const d = dh + dl;
  const correction = d - (d * d) / 2;
  let [rh, rl] = twoSum(y0, correction);
  if (e2 !== 0) {
    const [kh, kl] = ddMul(e2, 0, LN2_HI, LN2_LO);
    [rh, rl] = ddAdd(rh, rl, kh, kl);
  }
  return rh + rl;
}
