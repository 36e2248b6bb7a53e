import { describe, expect, it } from "vitest";
import { compileLambda } from ".";
import { compileError, py } from "./testing/run";

describe("compileLambda reads exactly one `lambda <name>: <expr>`", () => {
  it("returns the parameter's name and keeps the text", () => {
    const r = compileLambda("lambda it: it * 2");
    expect(r.ok && { param: r.param, text: r.fn.text }).toEqual({ param: "it", text: "lambda it: it * 2" });
  });
  it("rejects a bare expression, because Paddle needs a callable and would refuse it", () => {
    expect(compileError("0.95 ** epoch")).toEqual({ offset: 0, length: 13, at: "0.95 ** epoch", message: expect.stringMatching(/^expected a lambda such as `lambda epoch: 0.95 \*\* epoch`/) });
    expect(compileError("")).toMatchObject({ offset: 0, length: 0, message: expect.stringMatching(/expected a lambda/) });
  });
  it("rejects zero, several, defaulted and starred parameters", () => {
    expect(compileError("lambda: 0.5")).toMatchObject({ at: ":", message: expect.stringMatching(/exactly one parameter/) });
    expect(compileError("lambda a, b: a")).toMatchObject({ at: ",", message: expect.stringMatching(/exactly one parameter/) });
    expect(compileError("lambda e=1: e")).toMatchObject({ at: "=", message: expect.stringMatching(/default parameter values/) });
    expect(compileError("lambda *a: 1")).toMatchObject({ at: "*", message: expect.stringMatching(/\*args/) });
    expect(compileError("lambda if: 1")).toMatchObject({ at: "if", message: expect.stringMatching(/parameter name/) });
  });
  it("rejects a missing colon, a missing body, trailing text and unclosed parentheses", () => {
    expect(compileError("lambda e 0.5")).toMatchObject({ at: "0.5", message: "expected ':' but found number 0.5" });
    expect(compileError("lambda e:")).toMatchObject({ offset: 9, length: 0, message: "unexpected end of the expression" });
    expect(compileError("lambda e: e e")).toMatchObject({ offset: 12, at: "e", message: "unexpected name 'e' after the expression" });
    expect(compileError("lambda e: 2epoch")).toMatchObject({ at: "epoch" });
    expect(compileError("lambda e: (1 + (e * 2)")).toMatchObject({ offset: 10, at: "(", message: "'(' is never closed: expected ')'" });
    expect(compileError("lambda e: max(1, e")).toMatchObject({ at: "(", message: "'(' is never closed: expected ')'" });
    expect(compileError("lambda e: 1 if e")).toMatchObject({ message: expect.stringMatching(/expected `else`/) });
    expect(compileError("lambda e: e +")).toMatchObject({ offset: 13, message: "unexpected end of the expression" });
    expect(compileError("lambda e: e + * 2")).toMatchObject({ at: "*", message: "unexpected '*'" });
  });
  it("requires math.<name> and calls of functions", () => {
    expect(compileError("lambda e: math")).toMatchObject({ at: "math", message: expect.stringMatching(/math\.<name>/) });
    expect(compileError("lambda e: math.cos")).toMatchObject({ at: "math.cos", message: expect.stringMatching(/must be called/) });
    expect(compileError("lambda e: max")).toMatchObject({ at: "max", message: expect.stringMatching(/must be called/) });
    expect(compileError("lambda e: math.")).toMatchObject({ message: "expected a name after `math.`" });
  });
  it("lets the parameter shadow a builtin's name, as Python scoping does", () => {
    expect(py("x", 7)).toBe("int 7");
    const r = compileLambda("lambda max: max * 2");
    expect(r.ok && r.fn.call(3)).toEqual({ value: 6, isInt: true });
  });
  it("takes newlines and tabs as spaces, skips # comments, and allows a trailing comma in calls", () => {
    expect(py("max(\n\t1,\n\t2,\n)  # the larger")).toBe("int 2");
  });
});

describe("compileLambda reads Python's number literals", () => {
  it("accepts ints with underscores, hex, octal and binary, and floats in every form", () => {
    expect(py("1_000_000")).toBe("int 1000000");
    expect(py("0xff + 0o17 + 0b1010 + 0X_F")).toBe("int 295");
    expect(py("1e-3")).toBe("float 0.001");
    expect(py("1E3")).toBe("float 1000.0");
    expect(py("1.")).toBe("float 1.0");
    expect(py(".25")).toBe("float 0.25");
    expect(py("1.e2")).toBe("float 100.0");
    expect(py("007.5")).toBe("float 7.5");
    expect(py("00")).toBe("int 0");
    expect(py("1if 1 else 2")).toBe("int 1");
  });
  it("rejects leading zeros, misplaced underscores, complex numbers and bad digits", () => {
    expect(compileError("lambda e: 010")).toMatchObject({ at: "010", message: expect.stringMatching(/leading zeros/) });
    expect(compileError("lambda e: 1__0")).toMatchObject({ offset: 11, message: expect.stringMatching(/underscores go only between digits/) });
    expect(compileError("lambda e: 1_")).toMatchObject({ offset: 11 });
    expect(compileError("lambda e: 2j")).toMatchObject({ at: "2j", message: "complex numbers are not supported" });
    expect(compileError("lambda e: 0b102")).toMatchObject({ at: "0b102", message: "invalid number literal" });
    expect(compileError("lambda e: 0x")).toMatchObject({ message: "invalid hexadecimal literal" });
  });
});
