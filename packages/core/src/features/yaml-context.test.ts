import { describe, expect, it } from "vitest";
import { cursorContext } from "./yaml-context";

/** `|` marks the cursor. */
function at(doc: string) {
  const offset = doc.indexOf("|");
  return cursorContext(doc.slice(0, offset) + doc.slice(offset + 1), offset);
}

describe("cursorContext", () => {
  it("finds the key path and the sibling keys of a half-typed key in a schedule block", () => {
    const c = at("lr_scheduler:\n  name: LinearWarmup\n  warmup_steps: 2000\n  sch|\n  end_lr: 0.1\nother: 1\n");
    expect(c?.mode).toBe("key");
    expect(c?.path).toEqual(["lr_scheduler"]);
    expect(c?.prefix).toBe("sch");
    expect([...c!.siblings.keys()].sort()).toEqual(["end_lr", "name", "warmup_steps"]);
    expect(c?.siblings.get("name")).toBe("LinearWarmup");
    expect(c?.indent).toBe(2);
  });

  it("reads the nested scheduler mapping of a LinearWarmup, not its parent's keys", () => {
    const c = at("lr_scheduler:\n  name: LinearWarmup\n  scheduler:\n    name: MultiStepDecay\n    |\n  warmup_steps: 2000\n");
    expect(c?.path).toEqual(["lr_scheduler", "scheduler"]);
    expect([...c!.siblings.keys()]).toEqual(["name"]);
    expect(c?.indent).toBe(4);
  });

  it("recognises a value being typed and the slice it replaces", () => {
    const doc = "Optimizer:\n  lr:\n    name: Cos|ine\n    learning_rate: 0.001\n";
    const c = at(doc);
    expect(c?.mode).toBe("value");
    expect(c?.key).toBe("name");
    expect(c?.prefix).toBe("Cos");
    expect(c?.path).toEqual(["Optimizer", "lr"]);
    const text = doc.replace("|", "");
    expect(text.slice(c!.replace.start, c!.replace.end)).toBe("Cosine");
  });

  it("asks for a space after a bare colon", () => {
    expect(at("lr:\n  mode:|\n")?.needsSpace).toBe(true);
    expect(at("lr:\n  mode: |\n")?.needsSpace).toBe(false);
  });

  it("sees a PaddleDetection list item with its tag, even with dashes at the key's column", () => {
    const c = at("LearningRate:\n  base_lr: 0.01\n  schedulers:\n  - !PiecewiseDecay\n    gamma: 0.1\n    mil|\n  - !LinearWarmup\n    start_factor: 0.1\n");
    expect(c?.path).toEqual(["LearningRate", "schedulers", "-"]);
    expect(c?.tag).toBe("PiecewiseDecay");
    expect([...c!.siblings.keys()]).toEqual(["gamma"]);
  });

  it("completes a tag on a new list item", () => {
    const c = at("LearningRate:\n  schedulers:\n    - !Cos|\n");
    expect(c?.mode).toBe("tag");
    expect(c?.prefix).toBe("Cos");
    expect(c?.path).toEqual(["LearningRate", "schedulers", "-"]);
  });

  it("treats a `- name: x` item as one mapping with its first key on the dash line", () => {
    const c = at("LearningRate:\n  schedulers:\n  - name: CosineDecay\n    max_epochs: 96\n    |\n");
    expect(c?.path).toEqual(["LearningRate", "schedulers", "-"]);
    expect([...c!.siblings.keys()].sort()).toEqual(["max_epochs", "name"]);
  });

  it("ignores comments and blank lines when walking up", () => {
    const c = at("lr_scheduler:\n  # the decay\n\n  type: PolynomialDecay  # poly\n  |\n");
    expect(c?.path).toEqual(["lr_scheduler"]);
    expect(c?.siblings.get("type")).toBe("PolynomialDecay");
  });

  it("gives up inside flow collections and comments instead of guessing", () => {
    expect(at("lr: {name: Cos|}\n")).toBeUndefined();
    expect(at("# a comment |\n")).toBeUndefined();
  });

  it("puts a root-level key at the empty path", () => {
    const c = at("Global:\n  epoch_num: 10\nOpt|\n");
    expect(c?.path).toEqual([]);
    expect(c?.siblings.has("Global")).toBe(true);
  });
});
