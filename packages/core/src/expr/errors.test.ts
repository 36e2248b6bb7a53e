import { describe, expect, it } from "vitest";
import { compileLambda } from ".";
import { py } from "./testing/run";

/** Rows: a lambda body and the exception CPython 3.11.7 raises for it (type and message). */
function raises(rows: [string, string][]): void {
  for (const [body, want] of rows) {
    it(`${body} raises ${want}`, () => expect(py(body)).toBe(want));
  }
}

describe("compileLambda: division by zero is Python's ZeroDivisionError, with Python's wording per operator", () => {
  raises([
    ["1 / 0", "ZeroDivisionError: division by zero"],
    ["1.0 / 0", "ZeroDivisionError: float division by zero"],
    ["1 // 0", "ZeroDivisionError: integer division or modulo by zero"],
    ["1 % 0", "ZeroDivisionError: integer modulo by zero"],
    ["1.0 // 0", "ZeroDivisionError: float floor division by zero"],
    ["1.0 % 0", "ZeroDivisionError: float modulo"],
    ["0.0 ** -1", "ZeroDivisionError: 0.0 cannot be raised to a negative power"],
    ["0 ** -1", "ZeroDivisionError: 0.0 cannot be raised to a negative power"],
    ["pow(0, -2)", "ZeroDivisionError: 0.0 cannot be raised to a negative power"],
    ["math.log(1, 1)", "ZeroDivisionError: float division by zero"],
    ["1 / (x - 0)", "ZeroDivisionError: division by zero"],
  ]);
});

describe("compileLambda: math domain and range errors", () => {
  raises([
    ["math.log(0)", "ValueError: math domain error"],
    ["math.log(-1)", "ValueError: math domain error"],
    ["math.sqrt(-1)", "ValueError: math domain error"],
    ["math.cos(math.inf)", "ValueError: math domain error"],
    ["math.pow(0.0, -1)", "ValueError: math domain error"],
    ["math.pow(-8, 1/3)", "ValueError: math domain error"],
    ["math.exp(1000)", "OverflowError: math range error"],
    ["math.pow(10.0, 400)", "OverflowError: math range error"],
    ["10.0 ** 400", "OverflowError: (34, 'Numerical result out of range')"],
    ["int(math.nan)", "ValueError: cannot convert float NaN to integer"],
    ["math.floor(math.nan)", "ValueError: cannot convert float NaN to integer"],
  ]);
  it("reports a negative base to a fractional power (a complex number in Python) as a ValueError", () => {
    expect(py("(-8) ** (1/3)")).toMatch(/^ValueError: negative number cannot be raised to a fractional power/);
  });
});

describe("compileLambda: ints that do not fit a float, or grow without bound", () => {
  raises([
    ["float(10**400)", "OverflowError: int too large to convert to float"],
    ["10**400 * 1.0", "OverflowError: int too large to convert to float"],
    ["int(math.inf)", "OverflowError: cannot convert float infinity to integer"],
    ["round(math.inf)", "OverflowError: cannot convert float infinity to integer"],
    ["math.floor(math.inf)", "OverflowError: cannot convert float infinity to integer"],
  ]);
  it("refuses ints beyond 4096 bits instead of computing them (Python would, slowly)", () => {
    expect(py("10 ** 10 ** 10")).toBe("OverflowError: integer result too large (more than 4096 bits); lrlens bounds Python ints");
    expect(py("2 ** 4096")).toMatch(/^OverflowError: integer result too large/);
    expect(py("(2 ** 4000) * (2 ** 4000)")).toMatch(/^OverflowError: integer result too large/);
    expect(py("(2 ** 2000) ** 3")).toMatch(/^OverflowError: integer result too large/);
  });
  it("returns an int too large for a float as the OverflowError Paddle's next multiplication would raise", () => {
    expect(py("2 ** 4000")).toBe("OverflowError: int too large to convert to float");
  });
});

describe("compileLambda: wrong arguments are a TypeError at call time, as Python raises them", () => {
  raises([
    ["math.cos()", "TypeError: math.cos() takes exactly one argument (0 given)"],
    ["math.cos(1, 2)", "TypeError: math.cos() takes exactly one argument (2 given)"],
    ["math.log()", "TypeError: math.log requires 1 to 2 arguments"],
    ["math.log(1, 2, 3)", "TypeError: math.log requires 1 to 2 arguments"],
    ["math.pow(1)", "TypeError: pow expected 2 arguments, got 1"],
    ["max()", "TypeError: max expected at least 1 argument, got 0"],
    ["max(1)", "TypeError: 'int' object is not iterable"],
    ["min(1)", "TypeError: 'int' object is not iterable"],
    ["abs()", "TypeError: abs() takes exactly one argument (0 given)"],
    ["abs(1, 2)", "TypeError: abs() takes exactly one argument (2 given)"],
    ["pow(1)", "TypeError: pow() missing required argument 'exp' (pos 2)"],
    ["pow()", "TypeError: pow() missing required argument 'base' (pos 1)"],
    ["round()", "TypeError: round() missing required argument 'number' (pos 1)"],
    ["round(1, 2, 3)", "TypeError: round() takes at most 2 arguments (3 given)"],
    ["round(1.5, 1.0)", "TypeError: 'float' object cannot be interpreted as an integer"],
    ["int(1, 2)", "TypeError: int() can't convert non-string with explicit base"],
    ["float(1, 2)", "TypeError: float expected at most 1 argument, got 2"],
  ]);
});

describe("compileLambda: None is a value but not a number", () => {
  raises([
    ["None + 1", "TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'"],
    ["-None", "TypeError: bad operand type for unary -: 'NoneType'"],
    ["None < 1", "TypeError: '<' not supported between instances of 'NoneType' and 'int'"],
    ["abs(None)", "TypeError: bad operand type for abs(): 'NoneType'"],
    ["math.cos(None)", "TypeError: must be real number, not NoneType"],
    ["round(None)", "TypeError: type NoneType doesn't define __round__ method"],
    ["int(None)", "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"],
    ["float(None)", "TypeError: float() argument must be a string or a real number, not 'NoneType'"],
    ["None", "TypeError: the lambda returned None, not a number"],
  ]);
});

describe("compileLambda: errors depend on the argument, as Python's do", () => {
  it("raises only for the epochs that fail and keeps working for the others", () => {
    const r = compileLambda("lambda epoch: 1 / (epoch - 5)");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fn.call(4)).toEqual({ value: -1, isInt: false });
    expect(r.fn.call(5)).toEqual({ error: "division by zero", errorType: "ZeroDivisionError" });
    expect(r.fn.call(6)).toEqual({ value: 1, isInt: false });
  });
  it("never throws out of call(), whatever the argument", () => {
    const r = compileLambda("lambda x: math.log(x) * 2 ** x // (x % 3)");
    if (!r.ok) throw new Error(r.error.message);
    for (const x of [NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, 5e-324, 2 ** 60, 3]) {
      expect(() => r.fn.call(x)).not.toThrow();
      expect(() => r.fn.call(x, false)).not.toThrow();
    }
  });
});
