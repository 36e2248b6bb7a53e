import { describe, expect, it } from "vitest";
import { crLog } from "./log";
import { nextDown, nextUp } from "./testing/exact";

// Values printed by CPython 3.11 `math.log` on glibc 2.36 (x86_64): the library Paddle's vectors were made with.
const GLIBC_LOG: [number, number][] = [
  [2, 0.6931471805599453],
  [3, 1.0986122886681098],
  [5, 1.6094379124341003],
  [7, 1.9459101490553132],
  [10, 2.302585092994046],
  [1.5, 0.4054651081081644],
  [0.5, -0.6931471805599453],
  [0.1, -2.3025850929940455],
  [243, 5.493061443340548],
  [1000, 6.907755278982137],
  [12345.678, 9.421061321291832],
  [1e-300, -690.7755278982137],
  [1e300, 690.7755278982137],
  [5e-324, -744.4400719213812],
];

describe("crLog", () => {
  it("agrees with glibc's log where V8's Math.log(3) is one ulp low", () => {
    expect(Math.log(3)).toBe(1.0986122886681096);
    expect(crLog(3)).toBe(1.0986122886681098);
  });

  it("matches glibc's log on integers, fractions, huge and subnormal inputs", () => {
    for (const [x, y] of GLIBC_LOG) expect(crLog(x), `log(${x})`).toBe(y);
  });

  it("reproduces Python's math.log(243, 3) == 4.999999999999999 and math.log(1000, 10) == 2.9999999999999996", () => {
    expect(crLog(243) / crLog(3)).toBe(4.999999999999999);
    expect(crLog(1000) / crLog(10)).toBe(2.9999999999999996);
    expect(crLog(1024) / crLog(2)).toBe(10);
  });

  it("stays within one ulp of Math.log everywhere it is defined", () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20000; i++) {
      const x = Math.exp(rand() * 1400 - 700);
      const got = crLog(x);
      const v8 = Math.log(x);
      expect(got === v8 || got === nextUp(v8) || got === nextDown(v8)).toBe(true);
    }
  });

  it("follows C for zero, negatives, one and infinity", () => {
    expect(crLog(0)).toBe(-Infinity);
    expect(crLog(-1)).toBeNaN();
    expect(crLog(1)).toBe(0);
    expect(crLog(Infinity)).toBe(Infinity);
  });
});
