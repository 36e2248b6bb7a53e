/** Tests for parsing `.lrlens.yaml`. */
import { describe, expect, it } from "vitest";
import { parseProjectConfig } from "../index";

describe("parseProjectConfig", () => {
  it("reads rule severities (with ESLint's aliases) and stepsPerEpoch", () => {
    const r = parseProjectConfig("rules:\n  no-unit-mix: error\n  valid-gamma: warn\n  prefer-typical-warmup: off\n  unknown-scheduler: info\nstepsPerEpoch: 1254\n");
    expect(r.diagnostics).toEqual([]);
    expect(r.config).toEqual({ rules: { "no-unit-mix": "error", "valid-gamma": "warning", "prefer-typical-warmup": "off", "unknown-scheduler": "information" }, stepsPerEpoch: 1254 });
  });

  it("warns about unknown keys, unknown rules and bad severities, on their exact range", () => {
    const text = "rule:\n  x: error\nrules:\n  no-unit-mx: error\n  valid-gamma: loud\nstepsPerEpoch: -3\n";
    const r = parseProjectConfig(text);
    expect(r.config.rules).toEqual({});
    expect(r.config.stepsPerEpoch).toBeUndefined();
    const show = r.diagnostics.map((d) => [d.severity, text.slice(d.span.start, d.span.end), d.message]);
    expect(show).toEqual([
      ["warning", "rule", "Unknown key `rule` in .lrlens.yaml (known: rules, stepsPerEpoch); it is ignored. Did you mean `rules`?"],
      ["warning", "no-unit-mx", "Unknown rule `no-unit-mx` in .lrlens.yaml; it is ignored. Did you mean `no-unit-mix`?"],
      ["warning", "loud", "Severity of `valid-gamma` must be one of error, warning, information, hint, off; the rule keeps its default."],
      ["warning", "-3", "stepsPerEpoch must be a whole number ≥ 1 (iterations per epoch); got -3. It is ignored."],
    ]);
    expect(r.diagnostics[1].range).toEqual({ start: { line: 3, character: 2 }, end: { line: 3, character: 12 } });
  });

  it("reports invalid YAML as one error and never throws", () => {
    const r = parseProjectConfig("rules: [\n");
    expect(r.diagnostics.map((d) => d.severity)).toEqual(["error"]);
    expect(parseProjectConfig("").diagnostics).toEqual([]);
    expect(parseProjectConfig("- a\n").diagnostics[0].message).toContain("must be a mapping");
  });
});
