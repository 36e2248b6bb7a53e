import { describe, expect, it } from "vitest";
import { diagnosticCode, withoutDuplicateYamlDiagnostics } from "./diagnostics-filter";

const diags = [
  { code: "yaml-syntax", message: "Nested mappings are not allowed in compact mappings" },
  { code: { value: "no-unsorted-milestones", target: "x" }, message: "milestones are not increasing" },
  { code: undefined, message: "internal" },
];

describe("withoutDuplicateYamlDiagnostics", () => {
  it("leaves YAML syntax errors to Red Hat YAML when it validates", () => {
    expect(withoutDuplicateYamlDiagnostics(diags, true).map((d) => d.message)).toEqual(["milestones are not increasing", "internal"]);
  });
  it("keeps every diagnostic when no other YAML validator runs", () => {
    expect(withoutDuplicateYamlDiagnostics(diags, false)).toEqual(diags);
  });
  it("reads codes given as strings, numbers or {value}", () => {
    expect([diagnosticCode("a"), diagnosticCode(3), diagnosticCode({ value: "b" }), diagnosticCode(undefined)]).toEqual(["a", "3", "b", undefined]);
  });
});
