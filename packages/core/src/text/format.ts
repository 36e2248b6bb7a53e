/** Short human forms of learning rates and step counts for hovers, lenses, inlay hints and chart axes. */

/**
 * A learning rate in at most 4 significant digits, the way Python's `format(x, ".4g")` writes it:
 * plain decimals from 1e-4 up to 1e4 (`0.007`, `0.0001`, `1234`), exponent form outside with a
 * two-digit exponent (`7e-05`, `1.235e+04`), trailing zeros dropped. Zero is `0`; non-finite
 * values are `nan`, `inf`, `-inf`. (Exact decimal ties round half up here, where Python rounds to even.)
 */
export function formatLr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return "0";
  const [mantissa, expText] = x.toExponential(3).split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 4) return `${trimZeros(mantissa)}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return trimZeros(x.toFixed(Math.max(0, 3 - exp)));
}

/**
 * A step (or epoch) count: grouped digits below a million (`2,500`, `12.5`), then `1.2M` and `3.5B`
 * with at most 3 significant digits, and `1e12`, `2.5e15` from 10^12 on.
 */
export function formatSteps(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  const sign = n < 0 ? "-" : "";
  const a = Math.abs(n);
  if (a < 1e6) {
    const rounded = Math.round(a * 100) / 100;
    // Rounding 999,999.999 up reaches a million: fall through to the compact form then.
    if (rounded < 1e6) return sign + groupDigits(rounded);
  }
  if (a < 1e12) {
    for (const [unit, suffix] of [
      [1e6, "M"],
      [1e9, "B"],
    ] as const) {
      const m = Number((a / unit).toPrecision(3));
      if (m < 1000) return `${sign}${m}${suffix}`;
    }
  }
  const [mantissa, exp] = a.toExponential(2).split("e");
  return `${sign}${trimZeros(mantissa)}e${Number(exp)}`;
}

function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

function groupDigits(a: number): string {
  const [int, frac] = String(a).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac ? `${grouped}.${frac}` : grouped;
}
