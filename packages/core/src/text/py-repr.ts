/** Python's `repr()` of numbers and lists, so constructor chains and CSV read the way Paddle prints them. */

/** `repr(float)`: shortest round-trip digits, `1e-05` / `1e+16` outside [1e-4, 1e16), `.0` on integral values. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const abs = Math.abs(x);
  if (abs >= 1e16 || abs < 1e-4) {
    // JS: "1e-5", "1.5e+20" → Python: "1e-05", "1.5e+20"
    const [mant, exp] = x.toExponential().split("e");
    const sign = exp[0] === "-" ? "-" : "+";
    const digits = exp.slice(1).padStart(2, "0");
    return `${mant}e${sign}${digits}`;
  }
  const s = String(x);
  return s.includes(".") || s.includes("e") ? s : `${s}.0`;
}

/** `repr` of a number that is a Python int (or a float when `isInt` is false). */
export function pyNumberRepr(x: number, isInt: boolean): string {
  if (isInt && Number.isFinite(x)) return BigInt(Math.trunc(x)).toString();
  return pyFloatRepr(x);
}
