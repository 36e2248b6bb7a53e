import { describe, expect, it } from "vitest";
import { pyPow, pyPowChecked } from "./pow";
import { exactRational, isCorrectlyRounded } from "./testing/exact";

/** base^k as an exact rational num/den. */
function exactPow(base: number, k: number): [bigint, bigint] {
  const [n, d] = exactRational(base);
  const e = BigInt(Math.abs(k));
  return k >= 0 ? [n ** e, d ** e] : [d ** e, n ** e];
}

function expectCorrectlyRounded(base: number, k: number): void {
  const got = pyPow(base, k);
  const [num, den] = exactPow(base, k);
  expect(isCorrectlyRounded(got, num, den), `${base} ** ${k} = ${got}`).toBe(true);
}

describe("pyPow", () => {
  it("gives Python's 0.9 ** 4 == 0.6561 where Math.pow is one ulp off", () => {
    expect(Math.pow(0.9, 4)).toBe(0.6561000000000001);
    expect(pyPow(0.9, 4)).toBe(0.6561);
  });

  it("matches values CPython prints for integral exponents", () => {
    expect(pyPow(0.9, -3)).toBe(1.371742112482853);
    expect(pyPow(1.1, 100)).toBe(13780.61233982238);
    expect(pyPow(0.1, 2)).toBe(0.010000000000000002);
    expect(pyPow(2, 10)).toBe(1024);
  });

  it("rounds every integral power of decay factors correctly, positive and negative exponents", () => {
    const bases = [0.9, 0.1, 0.95, 0.5, 0.98, 0.999, 0.9999, 1.0001, 1.1, 3, 0.7, 0.8, 0.96, 0.33, 1 / 3, 2.5e-3];
    for (const b of bases) {
      for (let k = -40; k <= 400; k++) expectCorrectlyRounded(b, k);
      for (const k of [997, 1000, 2047, 4096, 5000, -1000, -4096]) expectCorrectlyRounded(b, k);
    }
  });

  it("rounds pseudo-random bases and exponents correctly (exact BigInt reference)", () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 3000; i++) {
      const b = 0.5 + rand();
      const k = Math.floor(rand() * 600) - 100;
      expectCorrectlyRounded(b, k);
    }
  });

  it("handles gradual underflow into subnormals and underflow to zero", () => {
    expectCorrectlyRounded(0.5, 1074);
    expect(pyPow(0.5, 1074)).toBe(5e-324);
    expect(pyPow(0.5, 1075)).toBe(0); // exactly half of the smallest subnormal: ties to even → 0
    expect(pyPow(0.9, 7000)).toBeGreaterThan(0);
    expectCorrectlyRounded(0.9, 7000);
    expectCorrectlyRounded(0.9, 6990);
    expectCorrectlyRounded(0.1, 320);
    expect(pyPow(0.1, 400)).toBe(0);
  });

  it("overflows to Infinity, which pyPowChecked reports as Python's OverflowError", () => {
    expect(pyPow(10, 400)).toBe(Infinity);
    expect(pyPow(-10, 401)).toBe(-Infinity);
    expect(pyPowChecked(10, 400)).toMatchObject({ errorType: "OverflowError" });
    expectCorrectlyRounded(10, 308);
    expectCorrectlyRounded(2, 1023);
    expect(pyPow(2, 1024)).toBe(Infinity);
  });

  it("keeps the sign of negative bases for odd exponents only", () => {
    expect(pyPow(-0.9, 3)).toBe(-pyPow(0.9, 3));
    expect(pyPow(-0.9, 4)).toBe(0.6561);
  });

  it("follows C pow's special cases for zero, one, infinities and NaN", () => {
    expect(pyPow(NaN, 0)).toBe(1);
    expect(pyPow(1, NaN)).toBe(1);
    expect(pyPow(-1, Infinity)).toBe(1);
    expect(pyPow(0.5, Infinity)).toBe(0);
    expect(pyPow(0.5, -Infinity)).toBe(Infinity);
    expect(pyPow(0, 3)).toBe(0);
    expect(pyPow(0, -1)).toBe(Infinity);
    expect(pyPow(Infinity, -2)).toBe(0);
  });

  it("raises Python's errors for zero to a negative power and fractional powers of negatives", () => {
    expect(pyPowChecked(0, -1)).toMatchObject({ errorType: "ZeroDivisionError" });
    expect(pyPowChecked(-8, 0.5)).toMatchObject({ errorType: "ValueError" });
    expect(pyPowChecked(0.9, 4)).toEqual({ value: 0.6561 });
  });

  it("uses Math.pow for fractional and very large exponents", () => {
    expect(pyPow(2, 0.5)).toBe(Math.SQRT2);
    expect(pyPow(0.9999999, 1e7)).toBe(Math.pow(0.9999999, 1e7));
  });
});
