/**
 * Tick labels for chart axes: compact step counts on x (`500`, `1.5k`, `2M`, `4e11`) and learning
 * rates on y with one style per axis (`0.0005 0.001` or `2e-05 4e-05`, never a mix of both).
 */

/** Digits of a number as short text without float noise (`1.2000000000000002` → `1.2`). */
function clean(v: number): string {
  return String(Number(v.toPrecision(6)));
}

function exponentForm(v: number, plusSign: boolean, pad: boolean): string {
  const [mantissa, exp] = v.toExponential(3).split("e");
  const m = mantissa.replace(/\.?0+$/, "");
  const e = Number(exp);
  const digits = pad ? String(Math.abs(e)).padStart(2, "0") : String(Math.abs(e));
  return `${m}e${e < 0 ? "-" : plusSign ? "+" : ""}${digits}`;
}

/** x labels: SI-like suffixes below 10^12, exponent form for the whole axis from there on. */
export function formatXTicks(ticks: number[]): string[] {
  const max = Math.max(0, ...ticks.map(Math.abs));
  if (max >= 1e12) return ticks.map((v) => (v === 0 ? "0" : exponentForm(v, false, false)));
  return ticks.map((v) => {
    const a = Math.abs(v);
    if (a >= 1e9) return `${clean(v / 1e9)}B`;
    if (a >= 1e6) return `${clean(v / 1e6)}M`;
    if (a >= 1e3) return `${clean(v / 1e3)}k`;
    return clean(v);
  });
}

/**
 * y labels: fixed decimals (as many as the tick step needs) when every tick lies in [1e-4, 1e4),
 * where Python's repr also writes plain decimals,
 * otherwise Python-style exponents for the whole axis; zero is always `0`.
 */
export function formatYTicks(ticks: number[], step: number): string[] {
  const nonzero = ticks.filter((v) => v !== 0).map(Math.abs);
  const decimal = nonzero.every((a) => a >= 1e-4 && a < 1e4);
  if (decimal) {
    const digits = step > 0 ? Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) : Math.max(0, ...nonzero.map((a) => -Math.floor(Math.log10(a) + 1e-9)));
    return ticks.map((v) => (v === 0 ? "0" : v.toFixed(Math.min(digits, 20))));
  }
  return ticks.map((v) => (v === 0 ? "0" : exponentForm(v, true, true)));
}
