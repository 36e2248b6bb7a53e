import { describe, expect, it } from "vitest";
import { literalEval } from "./literal-eval";

// Expected values are what CPython 3.11's ast.literal_eval returns for the same text.
describe("literalEval", () => {
  it("reads exponent numbers without a dot as floats, the way PaddleClas turns '1e-3' into 0.001", () => {
    expect(literalEval("1e-3")).toEqual({ type: "float", value: 0.001 });
    expect(literalEval("1e3")).toEqual({ type: "float", value: 1000 });
    expect(literalEval("1.e5")).toEqual({ type: "float", value: 100000 });
    expect(literalEval(".5")).toEqual({ type: "float", value: 0.5 });
    expect(literalEval("1.")).toEqual({ type: "float", value: 1 });
  });

  it("keeps Python's int/float/bool/None distinction", () => {
    expect(literalEval("1_000")).toEqual({ type: "int", value: 1000 });
    expect(literalEval("0x1F")).toEqual({ type: "int", value: 31 });
    expect(literalEval("0o17")).toEqual({ type: "int", value: 15 });
    expect(literalEval("-1")).toEqual({ type: "int", value: -1 });
    expect(literalEval("+1.5")).toEqual({ type: "float", value: 1.5 });
    expect(literalEval(" 2")).toEqual({ type: "int", value: 2 });
    expect(literalEval("00")).toEqual({ type: "int", value: 0 });
    expect(literalEval("True")).toEqual({ type: "bool", value: true });
    expect(literalEval("None")).toEqual({ type: "none" });
  });

  it("reads lists, tuples and dicts, and a parenthesised single value as that value", () => {
    expect(literalEval("[30, 60]")).toEqual({ type: "list", items: [{ type: "int", value: 30 }, { type: "int", value: 60 }] });
    expect(literalEval("(1,)")).toEqual({ type: "list", tuple: true, items: [{ type: "int", value: 1 }] });
    expect(literalEval("(1)")).toEqual({ type: "int", value: 1 });
    expect(literalEval('{"a": 1}')).toEqual({ type: "dict", entries: [["a", { type: "int", value: 1 }]] });
    expect(literalEval("'x'")).toEqual({ type: "str", value: "x" });
  });

  it("leaves non-literals alone (the suite keeps the string when literal_eval raises)", () => {
    for (const s of ["abc", "none", "lambda x: x", "010", "1 + 2", "__import__('os')", "[1, 2", "inf", ""]) expect(literalEval(s)).toBeUndefined();
  });

  it("survives hostile nesting without overflowing the stack", () => {
    expect(literalEval("[".repeat(100_000))).toBeUndefined();
    expect(literalEval("-".repeat(50_000) + "1")).toBeUndefined();
  });
});
