/** Linear and log scales for charts: "nice" tick values (1, 2 or 5 × 10^k) and data-to-pixel mapping. */

export interface Scale {
  /** The domain actually mapped (after nice rounding), low to high. */
  lo: number;
  hi: number;
  ticks: number[];
  /** Tick spacing for linear scales (0 for log scales): tells the formatter how many decimals to show. */
  step: number;
  log: boolean;
  /** Pixel position of a value; values outside the domain map outside the range. */
  map(v: number): number;
}

/** The tick step for about `count` ticks over `span`: 1, 2 or 5 × 10^k, as d3-array's tickStep picks it. */
export function tickStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  return factor * 10 ** power;
}

/** Multiples of `step` within [lo, hi], computed as i / (1/step) for small steps so 0.3 is 0.3, not 0.30000000000000004. */
export function ticksWithin(lo: number, hi: number, step: number): number[] {
  if (!(step > 0) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const inverse = step < 1 ? Math.round(1 / step) : 0;
  const value = (i: number) => (inverse ? i / inverse : i * step);
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const out: number[] = [];
  for (let i = first; i <= last && out.length < 100; i++) out.push(value(i) || 0); // `|| 0`: no -0 tick
  return out;
}

function linearMap(lo: number, hi: number, from: number, to: number): (v: number) => number {
  // Halving keeps the span finite even for a domain from -1e308 to 1e308.
  const k = hi === lo ? 0 : (to - from) / (hi / 2 - lo / 2);
  return (v) => from + (v / 2 - lo / 2) * k;
}

/**
 * A linear scale over [lo, hi] onto pixels [from, to]. With `nice`, the domain is widened to whole
 * ticks (the y axis); without, it stays the data's extent (the x axis starts at step 0, not before).
 */
export function linearScale(lo: number, hi: number, from: number, to: number, count: number, nice: boolean): Scale {
  // One value, none, or a span too thin to divide by (relative 1e-12, or below 1e-200): centre it.
  const thin = !(hi - lo > Math.max(Math.abs(lo), Math.abs(hi)) * 1e-12 && hi - lo > 1e-200);
  if (!(hi > lo) || thin) {
    const c = Number.isFinite(lo) && Math.abs(lo) > 1e-200 ? lo : 0;
    const half = c === 0 ? 1 : Math.abs(c) / 2;
    lo = nice && c >= 0 ? 0 : c - half;
    hi = c + half;
  }
  const span = hi - lo;
  const step = Number.isFinite(span) ? tickStep(span, count) : tickStep(hi / 2 - lo / 2, count) * 2;
  if (!(step > 0 && Number.isFinite(step))) return { lo, hi, step: 0, ticks: [], log: false, map: linearMap(lo, hi, from, to) };
  if (nice) {
    // The tolerance keeps 8e-5 / 2e-5 = 4.000000000000001 from adding a whole empty tick.
    const niceLo = Math.floor(lo / step + 1e-9) * step;
    const niceHi = Math.ceil(hi / step - 1e-9) * step;
    // Near ±1e308 the next whole tick is beyond the doubles: keep the data's own end there.
    if (Number.isFinite(niceLo)) lo = niceLo;
    if (Number.isFinite(niceHi)) hi = niceHi;
  }
  return { lo, hi, step, ticks: ticksWithin(lo, hi, step), log: false, map: linearMap(lo, hi, from, to) };
}

/** A log10 scale over whole decades around [lo, hi] (both > 0), with at most ~`count` decade ticks. */
export function logScale(lo: number, hi: number, from: number, to: number, count: number): Scale {
  // Decades stay within the doubles (10^309 would be Infinity; below 10^-323 there is nothing).
  let dlo = Math.max(-323, Math.floor(Math.log10(lo)));
  const dhi = Math.min(308, Math.max(-322, Math.ceil(Math.log10(hi))));
  // A single exact power of ten: show the decade below it, so the value sits at the top.
  if (dhi <= dlo) dlo = dhi - 1;
  const every = Math.max(1, Math.ceil((dhi - dlo) / Math.max(1, count)));
  const ticks: number[] = [];
  for (let d = dlo; d <= dhi; d += every) ticks.push(Number(`1e${d}`));
  const toPixel = linearMap(dlo, dhi, from, to);
  return { lo: Number(`1e${dlo}`), hi: Number(`1e${dhi}`), step: 0, ticks, log: true, map: (v) => toPixel(Math.log10(v)) };
}
