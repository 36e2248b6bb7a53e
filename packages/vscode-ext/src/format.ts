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

/** Base64 of a string's UTF-8 bytes, without Node's Buffer, so the webview bundle can use it too. */
export function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  // Chunked: String.fromCharCode with a huge spread overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** An SVG document as a `data:` URI usable in markdown images, `<img>` and decoration icons. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${utf8Base64(svg)}`;
}
