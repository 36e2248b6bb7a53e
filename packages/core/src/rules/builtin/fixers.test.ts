/** Tests for the did-you-mean fixes lint attaches to the dialects' own unknown-name diagnostics. */
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../text/apply-edits";
import { dedent, lintText } from "../testing/rule-tester";

function fixesOf(code: string, rule: string) {
  const text = dedent(code);
  const d = lintText(text).find((x) => x.rule === rule);
  expect(d, `${rule} reported`).toBeDefined();
  return { text, d: d!, fixes: d!.fixes ?? [] };
}

describe("did-you-mean fixes for the analysis' own diagnostics", () => {
  it("renames a misspelt parameter of a generic-form scheduler, keeping its value and comment", () => {
    const { text, fixes } = fixesOf(
      `
      lr_scheduler:
        name: CosineAnnealingDecay
        learning_rate: 0.1
        T_max: 1000
        eta_mn: 0.0  # floor
      `,
      "unknown-parameter",
    );
    expect(fixes.map((f) => [f.title, f.preferred])).toEqual([["Rename `eta_mn` to `eta_min`", true]]);
    expect(applyEdits(text, fixes[0].edits)).toBe(text.replace("eta_mn:", "eta_min:"));
    expect(lintText(applyEdits(text, fixes[0].edits)).map((d) => d.rule)).toEqual([]);
  });

  it("does not suggest a parameter that is already there", () => {
    const { fixes } = fixesOf(
      `
      lr_scheduler:
        name: StepDecay
        learning_rate: 0.1
        step_size: 100
        gama: 0.5
        gamma: 0.5
      `,
      "unknown-parameter",
    );
    expect(fixes).toEqual([]);
  });

  it("renames a misspelt scheduler class, keeping a qualified prefix", () => {
    const { text, fixes } = fixesOf(
      `
      lr_scheduler:
        name: paddle.optimizer.lr.CosineAnealingDecay
        learning_rate: 0.1
        T_max: 1000
      `,
      "unknown-scheduler",
    );
    expect(fixes.map((f) => f.title)).toEqual(["Change to `CosineAnnealingDecay`"]);
    expect(applyEdits(text, fixes[0].edits)).toContain("name: paddle.optimizer.lr.CosineAnnealingDecay\n");
  });

  it("renames a PaddleOCR key that the class would swallow with **kwargs", () => {
    const { text, d, fixes } = fixesOf(
      `
      Global:
        epoch_num: 100
      Optimizer:
        name: Momentum
        lr:
          name: Cosine
          learning_rate: 0.1
          warmup_epochs: 5
      `,
      "ignored-key",
    );
    expect(d.docsUrl).toBe("https://github.com/lrlens/lrlens/blob/main/docs/rules/ignored-key.md");
    expect(fixes.map((f) => f.title)).toEqual(["Rename `warmup_epochs` to `warmup_epoch`"]);
    expect(applyEdits(text, fixes[0].edits)).toContain("    warmup_epoch: 5\n");
  });

  it("offers every close PaddleOCR class name for an unknown one", () => {
    const { fixes } = fixesOf(
      `
      Global:
        epoch_num: 100
      Optimizer:
        name: Momentum
        lr:
          name: Cosin
          learning_rate: 0.1
      `,
      "unknown-scheduler",
    );
    expect(fixes.map((f) => f.title)).toContain("Change to `Cosine`");
  });
});
