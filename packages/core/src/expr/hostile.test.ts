import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileLambda } from ".";
import { compileError } from "./testing/run";

describe("compileLambda rejects escapes from the numeric subset, pointing at the offending text", () => {
  it("rejects __import__('os') at the name, the first thing wrong in it", () => {
    expect(compileError("lambda e: __import__('os').system('rm -rf /')")).toMatchObject({ offset: 10, at: "__import__", message: expect.stringMatching(/not allowed/) });
    expect(compileError("lambda e: max(e, 'os')")).toMatchObject({ at: "'os'", message: expect.stringMatching(/strings are not supported/) });
  });
  it("rejects ().__class__ at the empty tuple", () => {
    expect(compileError("lambda e: ().__class__.__bases__[0]")).toMatchObject({ at: "()", message: expect.stringMatching(/empty tuple/) });
  });
  it("rejects math.__dict__ and other private math attributes at the attribute", () => {
    expect(compileError("lambda e: math.__dict__")).toMatchObject({ offset: 15, at: "__dict__", message: expect.stringMatching(/not allowed/) });
    expect(compileError("lambda e: math.__loader__.load_module('os')")).toMatchObject({ at: "__loader__" });
  });
  it("rejects math members that are not numeric functions or constants, listing what is available", () => {
    expect(compileError("lambda e: math.factorial(e)")).toMatchObject({ at: "factorial", message: expect.stringMatching(/math\.factorial is not available; supported: math\.pi/) });
  });
  it("rejects attribute access on anything but math", () => {
    expect(compileError("lambda e: e.real")).toMatchObject({ at: ".real", message: expect.stringMatching(/only allowed as math\.<name>/) });
    expect(compileError("lambda e: (1).__class__")).toMatchObject({ at: ".__class__" });
    expect(compileError("lambda e: max(1, 2).__class__")).toMatchObject({ at: ".__class__" });
  });
  it("rejects names other than the parameter, naming what is allowed", () => {
    expect(compileError("lambda e: open")).toMatchObject({ at: "open", message: expect.stringMatching(/unknown name 'open': a lambda may use only its parameter 'e'/) });
    expect(compileError("lambda e: eval")).toMatchObject({ at: "eval" });
    expect(compileError("lambda e: globals")).toMatchObject({ at: "globals" });
    expect(compileError("lambda e: epoch")).toMatchObject({ at: "epoch" });
  });
  it("rejects calls of unknown functions, of the parameter and of constants", () => {
    expect(compileError("lambda e: exec(e)")).toMatchObject({ at: "exec" });
    expect(compileError("lambda e: e(1)")).toMatchObject({ offset: 10, message: expect.stringMatching(/can be called/) });
    expect(compileError("lambda e: math.pi(1)")).toMatchObject({ offset: 10 });
  });
  it("rejects strings, f-strings, bytes, subscripts, lists, dicts and tuples", () => {
    expect(compileError('lambda e: f"{e}"')).toMatchObject({ at: 'f"{e}"', message: expect.stringMatching(/strings/) });
    expect(compileError("lambda e: b'x'")).toMatchObject({ at: "b'x'" });
    expect(compileError("lambda e: [e][0]")).toMatchObject({ at: "[", message: expect.stringMatching(/lists and subscripts/) });
    expect(compileError("lambda e: {1: e}")).toMatchObject({ at: "{" });
    expect(compileError("lambda e: (1, 2)")).toMatchObject({ at: ",", message: expect.stringMatching(/tuples/) });
  });
  it("rejects nested lambdas, walrus, keyword arguments, unpacking and generator syntax", () => {
    expect(compileError("lambda e: (lambda: 1)()")).toMatchObject({ at: "lambda", offset: 11, message: expect.stringMatching(/nested lambdas/) });
    expect(compileError("lambda e: (e := 1)")).toMatchObject({ at: ":=", message: expect.stringMatching(/assignment expressions/) });
    expect(compileError("lambda e: round(e, ndigits=2)")).toMatchObject({ at: "ndigits=", message: expect.stringMatching(/keyword arguments/) });
    expect(compileError("lambda e: max(*e)")).toMatchObject({ at: "*", message: expect.stringMatching(/unpacking/) });
    expect(compileError("lambda e: max(e for e in e)")).toMatchObject({ at: "for" });
    expect(compileError("lambda e: e if e in e else 0")).toMatchObject({ at: "in", message: expect.stringMatching(/'in' comparisons/) });
    expect(compileError("lambda e: e is None")).toMatchObject({ at: "is" });
  });
  it("rejects pow() with a modulus rather than silently ignoring it", () => {
    expect(compileError("lambda e: pow(2, e, 7)")).toMatchObject({ at: "pow(2, e, 7)", message: expect.stringMatching(/modulus/) });
  });
});

describe("compileLambda rejects characters outside Python's ASCII syntax", () => {
  it("points at a NUL byte and other control characters", () => {
    expect(compileError("lambda e: 1\u0000 + e")).toEqual({ offset: 11, length: 1, at: "\u0000", message: "unexpected control character U+0000" });
    expect(compileError("lambda e: 1 +\u001b[31m e")).toMatchObject({ offset: 13, message: "unexpected control character U+001B" });
  });
  it("names unicode look-alikes instead of treating them as the letters they resemble", () => {
    // Cyrillic "е" in "еpoch", and a fullwidth "ｍ" that Python itself would fold into "m".
    expect(compileError("lambda epoch: \u0435poch")).toMatchObject({ offset: 14, length: 1, message: expect.stringMatching(/non-ASCII character U\+0435/) });
    expect(compileError("lambda e: \uff4dath.pi")).toMatchObject({ message: expect.stringMatching(/U\+FF4D \(looks like 'm'\)/) });
    expect(compileError("lambda e: 2 \u2212 e")).toMatchObject({ offset: 12, message: expect.stringMatching(/U\+2212 \(looks like '-'\)|U\+2212/) });
    expect(compileError("lambda e: e \u{1F600}")).toMatchObject({ offset: 12, length: 2 });
  });
});

describe("compileLambda bounds size, nesting and cost so no input can hang it or overflow the stack", () => {
  it("refuses text longer than maxChars (default 2,000), pointing at the excess", () => {
    const text = `lambda e: ${"1 + ".repeat(600)}1`;
    expect(compileError(text)).toMatchObject({ offset: 2000, length: text.length - 2000, message: `lambda text is ${text.length} characters long; the limit is 2000` });
    expect(compileLambda(text, { maxChars: 5000 }).ok).toBe(true);
  });
  it("refuses 100,000 nested parentheses with a nesting error, not a stack overflow", () => {
    const text = `lambda e: ${"(".repeat(100_000)}e${")".repeat(100_000)}`;
    expect(compileError(text, { maxChars: 1e6 })).toMatchObject({ offset: 110, at: "(", message: "expression is nested too deeply (more than 100 levels)" });
    expect(compileLambda(`lambda e: ${"(".repeat(99)}e${")".repeat(99)}`).ok).toBe(true);
  });
  it("refuses 100,000 unary minus signs and a long ** tower the same way", () => {
    expect(compileError(`lambda e: ${"-".repeat(100_000)}e`, { maxChars: 1e6 })).toMatchObject({ message: expect.stringMatching(/nested too deeply/) });
    expect(compileError(`lambda e: ${"2 ** ".repeat(50_000)}e`, { maxChars: 1e6 })).toMatchObject({ message: expect.stringMatching(/nested too deeply/) });
    expect(compileError(`lambda e: ${"not ".repeat(50_000)}e`, { maxChars: 1e6 })).toMatchObject({ message: expect.stringMatching(/nested too deeply/) });
    expect(compileError(`lambda e: ${"max(".repeat(50_000)}e${")".repeat(50_000)}`, { maxChars: 1e6 })).toMatchObject({ message: expect.stringMatching(/nested too deeply/) });
    expect(compileError(`lambda e: ${"1 if e else ".repeat(50_000)}e`, { maxChars: 1e6 })).toMatchObject({ message: expect.stringMatching(/nested too deeply/) });
  });
  it("refuses a left-associative chain taller than the evaluator may recurse", () => {
    const text = `lambda e: ${"e + ".repeat(5_000)}e`;
    expect(compileError(text, { maxChars: 1e6, maxCost: 1e6 })).toMatchObject({ message: "expression is too deeply chained (more than 1000 levels)" });
  });
  it("refuses an expression with more operations than one call may cost (maxCost, default 10,000)", () => {
    const text = `lambda e: max(${"e, ".repeat(10_000)}e)`;
    expect(compileError(text, { maxChars: 1e6 })).toMatchObject({ message: "expression is too large (more than 10000 operations)" });
    const small = compileLambda("lambda e: max(e, e, e, e, e)", { maxCost: 5 });
    expect(small.ok).toBe(false);
    expect(compileLambda("lambda e: max(e, e, e, e, e)", { maxCost: 6 }).ok).toBe(true);
  });
  it("answers a huge-exponent lambda at once, for every epoch", () => {
    const r = compileLambda("lambda epoch: 10 ** 10 ** 10 ** epoch");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.fn.call(0)).toEqual({ value: 1e10, isInt: true });
    for (let e = 1; e < 50; e++) {
      const v = r.fn.call(e);
      expect("error" in v ? v.errorType : "value").toBe("OverflowError");
    }
  });
  it("refuses an integer literal beyond 4096 bits while reading it", () => {
    expect(compileError(`lambda e: ${"9".repeat(1500)}`)).toMatchObject({ offset: 10, length: 1500, message: "integer literal too large (more than 4096 bits)" });
    expect(compileError(`lambda e: 0x${"f".repeat(1025)}`)).toMatchObject({ offset: 10, message: expect.stringMatching(/too large/) });
  });
  it("does not treat non-string input as text", () => {
    expect(compileLambda(undefined as unknown as string)).toEqual({ ok: false, error: { message: "a lambda must be given as text", offset: 0, length: 0 } });
  });
});

describe("compileLambda on arbitrary input", () => {
  const vocabulary = ["lambda", "x", "e", ":", "(", ")", ",", ".", "math", "cos", "pi", "inf", "nan", "max", "round", "pow", "int", "**", "//", "%", "*", "/", "+", "-", "<", "<=", "==", "!=", "and", "or", "not", "if", "else", "True", "None", "0", "1", "2.5", "1e308", "10", "-", " ", "__class__", "'", "[", "]", "=", "lambda x:"];

  it("never throws while compiling or calling, whatever the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 60 }), fc.string({ unit: "binary", maxLength: 60 })), (body) => {
        const r = compileLambda(`lambda x: ${body}`);
        if (r.ok) for (const x of [0, 7, -3, 2.5, NaN]) r.fn.call(x);
        else expect(r.error.offset + r.error.length).toBeLessThanOrEqual(10 + body.length);
      }),
      { numRuns: 3000 },
    );
  });

  it("never throws on token soup of the supported vocabulary, and errors point inside the text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 40 }), (tokens) => {
        const text = `lambda x: ${tokens.join(" ")}`;
        const r = compileLambda(text);
        if (r.ok) {
          for (const x of [0, 1, 1e6, -1]) {
            const v = r.fn.call(x);
            expect("error" in v ? typeof v.error : typeof v.value).toMatch(/string|number/);
          }
        } else {
          expect(r.error.offset).toBeGreaterThanOrEqual(0);
          expect(r.error.offset + r.error.length).toBeLessThanOrEqual(text.length);
          expect(r.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
