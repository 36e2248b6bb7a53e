/** Short, locale-independent number text for previews (hovers, readouts, titles), shared by the extension and the webview. */

/** An LR to 4 significant digits: `0.007`, `0.0035`, `7e-05`, `1.235e-07`; Python-style exponents so it reads like the code lens. */
export function formatLr(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "n/a";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e6) return trimZeros(x.toPrecision(4));
  const [mant, exp] = x.toExponential(3).split("e");
  const sign = exp[0] === "-" ? "-" : "+";
  return `${trimZeros(mant)}e${sign}${exp.slice(1).padStart(2, "0")}`;
}

function trimZeros(s: string): string {
  if (!s.includes(".") || s.includes("e")) return s;
  return s.replace(/0+$/, "").replace(/\.$/, "");
}

/** An integer with thousands separators (`2,500`), or a step with two decimals when it is fractional (epoch readouts). */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "n/a";
  if (!Number.isInteger(n)) return n.toFixed(2);
  const sign = n < 0 ? "-" : "";
  const digits = Math.abs(n).toString();
  // Beyond 1e21 toString switches to exponent form; leave that alone.
  if (digits.includes("e")) return sign + digits;
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
