/**
 * Python's `ast.literal_eval` for the strings PaddleClas passes through it after loading a config
 * (`ppcls/utils/config.py::create_attr_dict`): `'1e-3'` becomes 0.001, `'True'` True, `'[30, 60]'` a
 * list. Anything that is not a literal (`'abc'`, `'lambda x: x'`, `'010'`) stays the string, exactly
 * as the suite's `except BaseException: pass` leaves it. A parser of literals only; nothing is evaluated.
 */
import type { PyValue } from "../../schedulers/types";

const MAX_DEPTH = 100;
const MAX_CHARS = 100_000;

class Failed extends Error {}

class LiteralParser {
  private i = 0;
  private depth = 0;
  constructor(private readonly s: string) {}

  parse(): PyValue {
    this.ws();
    const v = this.value();
    this.ws();
    if (this.i !== this.s.length) throw new Failed();
    return v;
  }

  private ws(): void {
    while (this.i < this.s.length && /[ \t\r\n]/.test(this.s[this.i])) this.i++;
  }

  private value(): PyValue {
    if (++this.depth > MAX_DEPTH) throw new Failed();
    try {
      this.ws();
      const c = this.s[this.i];
      if (c === "[") return this.sequence("]", false);
      if (c === "(") return this.sequence(")", true);
      if (c === "{") return this.dict();
      if (c === "'" || c === '"') return { type: "str", value: this.string() };
      if (c === "+" || c === "-") {
        this.i++;
        const v = this.value();
        if (v.type === "int" || v.type === "float") return c === "-" ? negate(v) : v;
        if (v.type === "bool") return { type: "int", value: c === "-" ? -Number(v.value) : Number(v.value) };
        throw new Failed();
      }
      return this.atom();
    } finally {
      this.depth--;
    }
  }

  private sequence(close: string, tuple: boolean): PyValue {
    this.i++;
    const items: PyValue[] = [];
    let sawComma = false;
    for (;;) {
      this.ws();
      if (this.s[this.i] === close) {
        this.i++;
        // `(1)` is just 1 in Python; `(1,)` and `()` are tuples.
        if (tuple && items.length === 1 && !sawComma) return items[0];
        return tuple ? { type: "list", items, tuple: true } : { type: "list", items };
      }
      items.push(this.value());
      this.ws();
      if (this.s[this.i] === ",") {
        this.i++;
        sawComma = true;
      } else if (this.s[this.i] !== close) throw new Failed();
    }
  }

  private dict(): PyValue {
    this.i++;
    const entries: [string, PyValue][] = [];
    for (;;) {
      this.ws();
      if (this.s[this.i] === "}") {
        this.i++;
        return { type: "dict", entries };
      }
      const k = this.value();
      this.ws();
      if (this.s[this.i] !== ":") throw new Failed();
      this.i++;
      const v = this.value();
      const key = k.type === "str" ? k.value : k.type === "int" || k.type === "float" ? String(k.value) : k.type === "bool" ? (k.value ? "True" : "False") : undefined;
      if (key === undefined) throw new Failed();
      entries.push([key, v]);
      this.ws();
      if (this.s[this.i] === ",") this.i++;
      else if (this.s[this.i] !== "}") throw new Failed();
    }
  }

  private string(): string {
    const q = this.s[this.i];
    const triple = this.s.startsWith(q.repeat(3), this.i);
    const end = triple ? q.repeat(3) : q;
    this.i += end.length;
    let out = "";
    while (this.i < this.s.length) {
      if (this.s.startsWith(end, this.i)) {
        this.i += end.length;
        return out;
      }
      const c = this.s[this.i++];
      if (c === "\n" && !triple) throw new Failed();
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = this.s[this.i++];
      const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0", a: "\x07", b: "\b", f: "\f", v: "\v", "\n": "" };
      if (e in simple) out += simple[e];
      else out += `\\${e ?? ""}`;
    }
    throw new Failed();
  }

  private atom(): PyValue {
    const m = /^(?:True|False|None)\b|^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+)|^(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?[jJ]?/.exec(this.s.slice(this.i));
    if (!m || m[0] === "") throw new Failed();
    const t = m[0];
    this.i += t.length;
    if (t === "True" || t === "False") return { type: "bool", value: t === "True" };
    if (t === "None") return { type: "none" };
    if (/[jJ]$/.test(t)) return { type: "other", pyType: "complex" };
    const clean = t.replace(/_/g, "");
    if (/^0[xXoObB]/.test(clean)) {
      const value = Number(clean.toLowerCase());
      return Number.isSafeInteger(value) ? { type: "int", value } : { type: "int", value, big: BigInt(clean.toLowerCase()).toString() };
    }
    if (/[.eE]/.test(clean)) return { type: "float", value: Number(clean.endsWith(".") ? `${clean}0` : clean) };
    // Python 3 rejects leading zeros in a decimal int (`010` is a SyntaxError), except zero itself.
    if (/^0\d/.test(clean) && !/^0+$/.test(clean)) throw new Failed();
    const value = Number(clean);
    return Number.isSafeInteger(value) ? { type: "int", value } : { type: "int", value, big: BigInt(clean).toString() };
  }
}

function negate(v: PyValue & { type: "int" | "float" }): PyValue {
  if (v.type === "int") return v.big ? { type: "int", value: -v.value, big: v.big.startsWith("-") ? v.big.slice(1) : `-${v.big}` } : { type: "int", value: -v.value };
  return { type: "float", value: -v.value };
}

/** `ast.literal_eval(text)` when it succeeds; undefined when Python would raise (the suite then keeps the string). */
export function literalEval(text: string): PyValue | undefined {
  if (text.length > MAX_CHARS) return undefined;
  // literal_eval strips leading spaces and tabs before parsing.
  const s = text.replace(/^[ \t]+/, "");
  try {
    return new LiteralParser(s).parse();
  } catch (e) {
    if (e instanceof Failed) return undefined;
    throw e;
  }
}
