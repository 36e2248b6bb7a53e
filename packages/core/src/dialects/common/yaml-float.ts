/** The spelling of a number that PyYAML (YAML 1.1) reads as a float, for hints on `1e-4`-style strings. */

/**
 * `1e-4` → `1.0e-4`, `5E3` → `5.0e+3`, `.5e-2` → `0.5e-2`: the same number with the dot and the
 * signed exponent PyYAML's float pattern needs. Undefined when the text is not such a number.
 */
export function pyyamlFloatText(text: string): string | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?[eE]([+-]?)(\d+)$/.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
  const [, sign, int, frac, expSign, exp] = m;
  return `${sign}${int === "" ? "0" : int}.${frac === undefined || frac === "" ? "0" : frac}e${expSign === "" ? "+" : expSign}${exp}`;
}
