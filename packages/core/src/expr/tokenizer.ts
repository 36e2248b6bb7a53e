/**
 * Splits lambda text into tokens (numbers with Python's literal rules, ASCII names, operators),
 * and rejects everything outside the supported subset (strings, brackets, non-ASCII look-alikes,
 * control characters) at the exact offset where it starts.
 */
import { MAX_INT_BITS } from "./values";

export interface ExprError {
  message: string;
  /** UTF-16 offset into the lambda text. */
  offset: number;
  length: number;
}

export type Token =
  | { kind: "int"; value: bigint; start: number; end: number }
  | { kind: "float"; value: number; start: number; end: number }
  | { kind: "name"; text: string; start: number; end: number }
  | { kind: "op"; text: string; start: number; end: number }
  | { kind: "end"; start: number; end: number }
  /** The first lexical error; the parser raises it only when it gets there, so earlier syntax errors win. */
  | { kind: "error"; error: ExprError; start: number; end: number };

/** Thrown inside the parser and caught by `compileLambda`; never leaves the module. */
export class ExprSyntaxError {
  constructor(readonly error: ExprError) {}
}

export function fail(message: string, offset: number, length: number): never {
  throw new ExprSyntaxError({ message, offset, length: Math.max(0, length) });
}

const OPERATORS = ["**", "//", "<=", ">=", "==", "!=", "+", "-", "*", "/", "%", "(", ")", ",", ".", ":", "<", ">", "="];

/** Characters of Python syntax we do not support, with the reason shown to the user. */
const UNSUPPORTED: Record<string, string> = {
  ":=": "assignment expressions (:=) are not supported",
  "<<": "bit shifts are not supported",
  ">>": "bit shifts are not supported",
  "[": "lists and subscripts ([...]) are not supported",
  "]": "lists and subscripts ([...]) are not supported",
  "{": "dicts and sets ({...}) are not supported",
  "}": "dicts and sets ({...}) are not supported",
  "~": "bitwise operators are not supported",
  "&": "bitwise operators are not supported",
  "|": "bitwise operators are not supported",
  "^": "bitwise operators are not supported (for a power write **)",
  "@": "the matrix-multiplication operator @ is not supported",
  ";": "only one expression is allowed",
  "\\": "backslashes (line continuations) are not supported",
  "`": "backticks are not Python syntax",
  "!": "'!' is not Python syntax except in !=; for negation write not",
};

const isDigit = (c: string) => c >= "0" && c <= "9";
const isNameStart = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
const isNameChar = (c: string) => isNameStart(c) || isDigit(c);

/** Tokens up to the end, or up to and including an `error` token for the first lexical error. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  try {
    scan(text, tokens);
  } catch (e) {
    if (!(e instanceof ExprSyntaxError)) throw e;
    tokens.push({ kind: "error", error: e.error, start: e.error.offset, end: e.error.offset + e.error.length });
  }
  return tokens;
}

function scan(text: string, tokens: Token[]): void {
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f") {
      i++;
    } else if (c === "#") {
      // A comment runs to the end of the line, as in Python.
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
    } else if (isDigit(c) || (c === "." && isDigit(text[i + 1] ?? ""))) {
      const t = scanNumber(text, i);
      tokens.push(t);
      i = t.end;
    } else if (isNameStart(c)) {
      let j = i + 1;
      while (j < text.length && isNameChar(text[j])) j++;
      if (text[j] === "'" || text[j] === '"') fail("strings (and f-strings, bytes) are not supported in a lambda", i, stringEnd(text, j) - i);
      tokens.push({ kind: "name", text: text.slice(i, j), start: i, end: j });
      i = j;
    } else if (c === "'" || c === '"') {
      fail("strings are not supported in a lambda", i, stringEnd(text, i) - i);
    } else {
      const two = text.slice(i, i + 2);
      if (two.length === 2 && Object.hasOwn(UNSUPPORTED, two)) fail(UNSUPPORTED[two], i, 2);
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op) {
        tokens.push({ kind: "op", text: op, start: i, end: i + op.length });
        i += op.length;
      } else if (Object.hasOwn(UNSUPPORTED, c)) {
        fail(UNSUPPORTED[c], i, 1);
      } else {
        unexpectedCharacter(text, i);
      }
    }
  }
  tokens.push({ kind: "end", start: text.length, end: text.length });
}

function unexpectedCharacter(text: string, i: number): never {
  const cp = text.codePointAt(i) ?? 0;
  const width = cp > 0xffff ? 2 : 1;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  if (cp < 0x20 || cp === 0x7f) fail(`unexpected control character ${hex}`, i, width);
  if (cp < 0x80) fail(`unexpected character '${text[i]}'`, i, width);
  // Non-ASCII: Python would NFKC-fold some look-alikes (fullwidth letters) into names; we accept none.
  const folded = String.fromCodePoint(cp).normalize("NFKC");
  const hint = /^[\x21-\x7e]+$/.test(folded) ? ` (looks like '${folded}')` : "";
  fail(`unexpected non-ASCII character ${hex}${hint}; lambdas are read as plain ASCII`, i, width);
}

/** End offset of a string literal starting at `i` (its closing quote, or the end of the text). */
function stringEnd(text: string, i: number): number {
  const quote = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === "\\") j++;
    else if (text[j] === quote) return j + 1;
  }
  return text.length;
}

/** Digits with single underscores between them (`1_000`); returns the end offset. */
function scanDigits(text: string, i: number, digit: (c: string) => boolean): number {
  let j = i;
  while (j < text.length) {
    if (digit(text[j])) j++;
    else if (text[j] === "_" && j > i && digit(text[j + 1] ?? "")) j++;
    else break;
  }
  if (text[j] === "_") fail("invalid number literal: underscores go only between digits", j, 1);
  return j;
}

function scanNumber(text: string, start: number): Token {
  const radix = text[start] === "0" ? (text[start + 1] ?? "").toLowerCase() : "";
  if (radix === "x" || radix === "o" || radix === "b") {
    const digit = radix === "x" ? (c: string) => /[0-9a-fA-F]/.test(c) : radix === "o" ? (c: string) => c >= "0" && c <= "7" : (c: string) => c === "0" || c === "1";
    const from = text[start + 2] === "_" ? start + 3 : start + 2;
    const end = scanDigits(text, from, digit);
    if (end === from) fail(`invalid ${radix === "x" ? "hexadecimal" : radix === "o" ? "octal" : "binary"} literal`, start, end - start + 1);
    checkNumberEnd(text, start, end);
    return intToken(start, end, `0${radix}${text.slice(from, end).replaceAll("_", "")}`);
  }
  let end = scanDigits(text, start, isDigit);
  let isFloat = false;
  if (text[end] === ".") {
    isFloat = true;
    end = isDigit(text[end + 1] ?? "") ? scanDigits(text, end + 1, isDigit) : end + 1;
  }
  const e = text[end];
  if (e === "e" || e === "E") {
    const sign = text[end + 1] === "+" || text[end + 1] === "-" ? 1 : 0;
    if (isDigit(text[end + 1 + sign] ?? "")) {
      isFloat = true;
      end = scanDigits(text, end + 1 + sign, isDigit);
    }
  }
  checkNumberEnd(text, start, end);
  const literal = text.slice(start, end).replaceAll("_", "");
  if (isFloat) return { kind: "float", value: Number(literal), start, end };
  if (/^0+[1-9]/.test(literal)) {
    fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", start, end - start);
  }
  return intToken(start, end, literal);
}

function checkNumberEnd(text: string, start: number, end: number): void {
  const next = text[end] ?? "";
  if (next === "j" || next === "J") fail("complex numbers are not supported", start, end - start + 1);
  if (isDigit(next) || next === "_") fail("invalid number literal", start, end - start + 1);
}

function intToken(start: number, end: number, literal: string): Token {
  // 1,300 decimal digits is beyond MAX_INT_BITS already; checking the length first keeps BigInt parsing cheap.
  if (end - start > 1300) fail(`integer literal too large (more than ${MAX_INT_BITS} bits)`, start, end - start);
  const value = BigInt(literal);
  if (value >= 1n << BigInt(MAX_INT_BITS)) fail(`integer literal too large (more than ${MAX_INT_BITS} bits)`, start, end - start);
  return { kind: "int", value, start, end };
}
