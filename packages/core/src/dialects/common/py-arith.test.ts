import { describe, expect, it } from "vitest";
import { pyCompare, pyMul, pyRound, pySub, pyToFloat, pyToInt, roundHalfEven } from "./py-arith";

const int = (value: number) => ({ type: "int" as const, value });
const float = (value: number) => ({ type: "float" as const, value });

// Expected values are CPython's (checked with python3 -c): round(2.5) == 2, int(2.4 * 100) == 240, ...
describe("py-arith", () => {
  it("rounds half to even like Python 3's round()", () => {
    expect([2.5, 3.5, 0.5, -0.5, -1.5, 1.4999999999999998, 2.0000000000000004].map(roundHalfEven)).toEqual([2, 4, 0, 0, -2, 1, 2]);
    expect(pyRound(float(0.02 * 100))).toEqual({ ok: true, value: int(2) });
    expect(pyRound(int(7))).toEqual({ ok: true, value: int(7) });
    expect(pyRound({ type: "str", value: "1" })).toMatchObject({ ok: false, errorType: "TypeError" });
  });

  it("keeps int × int an int and makes anything with a float a float", () => {
    expect(pyMul(int(600), int(100))).toEqual({ ok: true, value: int(60000) });
    expect(pyMul(float(0.07), int(100))).toEqual({ ok: true, value: float(7.000000000000001) });
    expect(pyMul({ type: "bool", value: true }, int(100))).toEqual({ ok: true, value: int(100) });
    expect(pySub(int(20), float(5))).toEqual({ ok: true, value: float(15) });
  });

  it("multiplies integers beyond 2^53 exactly and keeps their text", () => {
    const r = pyMul(int(2 ** 40), int(2 ** 40 + 1));
    expect(r).toMatchObject({ ok: true, value: { type: "int", big: (2n ** 40n * (2n ** 40n + 1n)).toString() } });
  });

  it("reports Python's TypeError for strings and None in arithmetic", () => {
    expect(pyMul({ type: "str", value: "1e3" }, int(100))).toMatchObject({ ok: false, errorType: "TypeError", message: "unsupported operand type(s) for *: 'str' and 'int'" });
    expect(pyCompare({ type: "none" }, ">=", int(3))).toMatchObject({ ok: false, message: "'>=' not supported between instances of 'NoneType' and 'int'" });
  });

  it("converts like int() and float(), including float('1e-4') that PyYAML left a string", () => {
    expect(pyToInt(float(7.000000000000001))).toEqual({ ok: true, value: int(7) });
    expect(pyToInt(float(-2.7))).toEqual({ ok: true, value: int(-2) });
    expect(pyToFloat({ type: "str", value: "1e-4" })).toEqual({ ok: true, value: float(0.0001) });
    expect(pyToFloat({ type: "str", value: " 1_000.5 " })).toEqual({ ok: true, value: float(1000.5) });
    expect(pyToFloat({ type: "str", value: "-inf" })).toEqual({ ok: true, value: float(-Infinity) });
    expect(pyToFloat({ type: "str", value: "abc" })).toMatchObject({ ok: false, errorType: "ValueError", message: "could not convert string to float: 'abc'" });
    expect(pyToFloat(int(3))).toEqual({ ok: true, value: float(3) });
  });
});
