/** Double-double arithmetic (an unevaluated sum hi + lo, ~106 bits) for correctly rounded powers and logs without BigInt. */

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's split constant

/** a + b exactly as hi + lo (Knuth's TwoSum). */
export function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  const err = a - (s - bb) + (b - bb);
  return [s, err];
}

/** a * b exactly as hi + lo (Dekker's TwoProduct; no FMA in JavaScript). Needs |a·b| well inside the range. */
export function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const err = ah * bh - p + ah * bl + al * bh + al * bl;
  return [p, err];
}

function quickTwoSum(a: number, b: number): [number, number] {
  const s = a + b;
  return [s, b - (s - a)];
}

/** (ah + al) · (bh + bl), relative error a few 2^-106. */
export function ddMul(ah: number, al: number, bh: number, bl: number): [number, number] {
  const [p, e] = twoProd(ah, bh);
  return quickTwoSum(p, e + (ah * bl + al * bh));
}

export function ddSquare(ah: number, al: number): [number, number] {
  return ddMul(ah, al, ah, al);
}

/** (ah + al) + (bh + bl). */
export function ddAdd(ah: number, al: number, bh: number, bl: number): [number, number] {
  const [s, e] = twoSum(ah, bh);
  const [t, f] = twoSum(al, bl);
  const [s2, e2] = quickTwoSum(s, e + t);
  return quickTwoSum(s2, e2 + f);
}

/** 1 / (ah + al) by one Newton step on the double reciprocal. */
export function ddRecip(ah: number, al: number): [number, number] {
  const q1 = 1 / ah;
  // r = 1 - q1·(ah + al), computed exactly enough: q1·ah exactly via twoProd.
  const [p, pe] = twoProd(q1, ah);
  const r = 1 - p - pe - q1 * al;
  const q2 = r / ah;
  return quickTwoSum(q1, q2);
}

/** (ah + al) / (bh + bl). */
export function ddDiv(ah: number, al: number, bh: number, bl: number): [number, number] {
  const q1 = ah / bh;
  const [p, pe] = ddMul(q1, 0, bh, bl);
  const [r, re] = ddAdd(ah, al, -p, -pe);
  const q2 = (r + re) / bh;
  const [s, se] = quickTwoSum(q1, q2);
  const [p2, p2e] = ddMul(s, se, bh, bl);
  const [r2, r2e] = ddAdd(ah, al, -p2, -p2e);
  return ddAdd(s, se, (r2 + r2e) / bh, 0);
}
