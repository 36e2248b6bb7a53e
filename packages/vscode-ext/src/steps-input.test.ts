import { describe, expect, it } from "vitest";
import { parseStepsPerEpochInput } from "./steps-input";

describe("parseStepsPerEpochInput", () => {
  it("accepts a positive whole number, with separators", () => {
    expect(parseStepsPerEpochInput(" 250 ")).toEqual({ ok: true, value: 250 });
    expect(parseStepsPerEpochInput("12,800")).toEqual({ ok: true, value: 12800 });
    expect(parseStepsPerEpochInput("1_000")).toEqual({ ok: true, value: 1000 });
  });
  it("clears the setting on empty input", () => {
    expect(parseStepsPerEpochInput("")).toEqual({ ok: true, value: null });
  });
  it("rejects zero, fractions, negatives, words and absurd sizes with a message", () => {
    for (const bad of ["0", "2.5", "-3", "abc", "1e3", "99999999999999999999"]) {
      const r = parseStepsPerEpochInput(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });
});
