import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { build } from "../../schedulers";
import type { SchedulerSpec } from "../../schedulers/types";
import { LineIndex } from "../../text/line-index";
import { detectDialect } from "../index";
import { diskHost, fixture, formatChain, loadPath, loadText, run } from "../paddledet/testing/suite";
import { paddlesegDialect } from "./index";

function extract(name: string, stepsPerEpoch?: number) {
  const config = loadPath(fixture("paddleseg", name));
  return { config, ...run(paddlesegDialect, config, { stepsPerEpoch }) };
}

function rangeOf(name: string, needle: string) {
  const text = readFileSync(fixture("paddleseg", name), "utf8");
  let at = -1;
  // Occurrences on comment lines (the fixtures' notes) do not count.
  do at = text.indexOf(needle, at + 1);
  while (at >= 0 && text.slice(text.lastIndexOf("\n", at) + 1, at).trimStart().startsWith("#"));
  if (at < 0) throw new Error(`${needle} not in ${name}`);
  return new LineIndex(text).range(at, at + needle.length);
}

function curve(spec: SchedulerSpec, n: number): Float64Array {
  const b = build(spec);
  if (!b.ok) throw new Error(JSON.stringify(b.errors));
  return b.program.curve(n).lr;
}

describe("PaddleSeg dialect: lr_scheduler as the builder reads it", () => {
  it("wraps the merged scheduler in LinearWarmup and defaults decay_steps to iters − warmup_iters", () => {
    const { schedules, errors, config } = extract("pp_liteseg_warmup.yml");
    expect(errors).toEqual([]);
    const s = schedules[0];
    expect(s.path).toBe("lr_scheduler");
    expect(s.kind).toBe("PolynomialDecay+warmup");
    expect(formatChain(s.spec!)).toBe("LinearWarmup(PolynomialDecay(learning_rate=0.005, decay_steps=9800, end_lr=0, power=0.9), warmup_steps=200, start_lr=1e-05, end_lr=0.005)");
    expect(s.training).toMatchObject({ iterations: 10000, key: "iters" });
    expect(s.stepping).toEqual({ per: "iteration", every: 1 });
    // Provenance: decay_steps from the leaf's iters, power from the base file, end_lr from learning_rate.
    expect(s.argSources["learning_rate.decay_steps"]).toMatchObject({ key: "iters", transform: "derived" });
    expect(s.argSources["learning_rate.decay_steps"].keySpan.uri).toBe(config.uri);
    expect(s.argSources["learning_rate.power"].keySpan.uri).toBe(pathToFileURL(fixture("paddleseg", "_base_/cityscapes.yml")).href);
    expect(s.argSources.end_lr).toMatchObject({ key: "learning_rate", transform: "identity" });
    expect(s.argSources.warmup_steps).toMatchObject({ key: "warmup_iters", transform: "identity" });
    const lr = curve(s.spec!, 10000);
    expect(lr[0]).toBe(1.0e-5);
    expect(lr[200]).toBe(0.005);
    expect(lr[9999]).toBeLessThan(lr[5000]);
  });

  it("resolves steps per epoch from the train list for the epoch axis and says it does not shape the curve", () => {
    const s = extract("pp_liteseg_warmup.yml").schedules[0];
    // 7 lines ÷ batch_size 2 with drop_last: 3.
    expect(s.stepsPerEpoch).toMatchObject({ value: 3, source: "dataset" });
    expect(s.stepsPerEpoch.detail).toContain("train.txt: 7 lines");
    expect(s.stepsPerEpoch.detail).toContain("PaddleSeg counts iterations");
    const withSetting = extract("pp_liteseg_warmup.yml", 500).schedules[0];
    expect(formatChain(withSetting.spec!)).toBe(formatChain(s.spec!));
  });

  it("counts Cityscapes' train images (the glob leftImg8bit/train/*/*_leftImg8bit.png) and ADE20K's image folder", () => {
    const city = extract("cityscapes_dataset.yml").schedules[0];
    expect(city.stepsPerEpoch).toMatchObject({ value: 1, source: "dataset" });
    expect(city.stepsPerEpoch.detail).toContain("leftImg8bit/train: 3 images");
    const ade = extract("ade_dataset.yml").schedules[0];
    expect(ade.stepsPerEpoch).toMatchObject({ value: 2, source: "dataset" });
    expect(ade.stepsPerEpoch.detail).toContain("images/training: 5 images");
  });

  it("says steps per epoch is unknown, without alarms, when the dataset is not on disk", () => {
    const { schedules, all } = extract("benchmark_no_model.yml");
    expect(schedules[0].stepsPerEpoch).toMatchObject({ value: undefined, source: "unknown" });
    expect(all.filter((d) => d.rule !== "suite-rejects-config")).toEqual([]);
  });

  it("replaces the base's lr_scheduler under `_inherited_: False` and counts milestones after the warmup", () => {
    const s = extract("knet_multistep.yml").schedules[0];
    expect(s.kind).toBe("MultiStepDecay+warmup");
    expect(formatChain(s.spec!)).toBe("LinearWarmup(MultiStepDecay(learning_rate=0.0001, milestones=[60000, 72000]), warmup_steps=1000, start_lr=1e-05, end_lr=0.0001)");
    const lr = curve(s.spec!, 80000);
    expect(lr[60999]).toBe(0.0001);
    expect(lr[61000]).toBe(0.0001 * 0.1);
    expect(lr[73000]).toBe(0.0001 * 0.1 ** 2);
  });

  it("leaves end_lr to Paddle's default 0.0001 when the file omits it", () => {
    const s = extract("end_lr_default.yml").schedules[0];
    expect(formatChain(s.spec!)).toBe("PolynomialDecay(learning_rate=0.01, decay_steps=15000, power=0.9)");
    expect(curve(s.spec!, 15001)[15000]).toBe(0.0001);
  });

  it("accepts a dataset base (everything but the model) without alarms and draws its schedule", () => {
    const { schedules, all } = extract("_base_/cityscapes.yml");
    expect(all).toEqual([]);
    expect(formatChain(schedules[0].spec!)).toBe("PolynomialDecay(learning_rate=0.01, decay_steps=80000, end_lr=0, power=0.9)");
  });
});

describe("PaddleSeg dialect: what the suite rejects", () => {
  const cases: [string, string, string, string][] = [
    ["missing_loss.yml", "suite-rejects-config", "batch_size", "No loss specified"],
    ["benchmark_no_model.yml", "suite-rejects-config", "batch_size", "No model specified"],
    ["old_learning_rate.yml", "suite-rejects-config", "batch_size", "No lr_scheduler specified"],
    ["unknown_type.yml", "unknown-scheduler", "PolynomalDecay", "Did you mean `PolynomialDecay`?"],
    ["warmup_without_start.yml", "suite-rejects-config", "warmup_iters: 1000", "needs `warmup_start_lr`"],
  ];
  for (const [file, rule, where, says] of cases) {
    it(`${file}: one ${rule} error on \`${where}\``, () => {
      const { errors } = extract(file);
      expect(errors).toHaveLength(1);
      expect(errors[0].rule).toBe(rule);
      expect(errors[0].message).toContain(says);
      expect(errors[0].range).toEqual(rangeOf(file, where));
    });
  }

  it("notes that the old learning_rate section is ignored", () => {
    const { all, schedules } = extract("old_learning_rate.yml");
    expect(schedules).toEqual([]);
    const note = all.find((d) => d.rule === "ignored-key");
    expect(note?.severity).toBe("information");
    expect(note?.range).toEqual(rangeOf("old_learning_rate.yml", "learning_rate"));
  });
});

describe("PaddleSeg dialect: detection", () => {
  it("recognises PaddleSeg configs and bases from their keys, whatever the file is called", () => {
    const text = readFileSync(fixture("paddleseg", "end_lr_default.yml"), "utf8");
    const a = loadText(text, "file:///tmp/whatever/x.yaml");
    expect(paddlesegDialect.detect(a.own, a.root)).toBeGreaterThan(0.5);
    const base = loadPath(fixture("paddleseg", "_base_/cityscapes.yml"));
    expect(paddlesegDialect.detect(base.own, base.root)).toBeGreaterThan(0);
  });

  it("does not claim plain YAML or PaddleDetection configs", () => {
    const plain = loadText("a: 1\nb: [x, y]\n", "file:///x/a.yml");
    expect(paddlesegDialect.detect(plain.own, plain.root)).toBe(0);
    const det = loadPath(fixture("paddledet", "piecewise_unsorted.yml"));
    expect(paddlesegDialect.detect(det.own, det.root)).toBe(0);
    // Another trainer's config with the same `lr_scheduler: {type}` key and no PaddleSeg marker.
    const torch = loadText("name: DBNet\narch: {type: Model}\nloss: {type: DBLoss}\noptimizer: {type: Adam, args: {lr: 0.001}}\nlr_scheduler:\n  type: WarmupPolyLR\n  args: {warmup_epoch: 3}\ntrainer: {epochs: 1200}\n", "file:///x/dbnet.yaml");
    expect(paddlesegDialect.detect(torch.own, torch.root)).toBe(0);
  });
});

describe("PaddleSeg dialect: hostile input never throws", () => {
  const bodies = [
    "lr_scheduler: 0.01\niters: 10\n",
    "lr_scheduler: {}\n",
    "lr_scheduler: {type: 7}\n",
    "lr_scheduler: {type: PolynomialDecay, learning_rate: '1e-3'}\niters: '100'\n",
    "lr_scheduler: {type: PolynomialDecay, learning_rate: 0.1, warmup_iters: x, warmup_start_lr: 0}\niters: 100\n",
    "lr_scheduler: {type: PolynomialDecay, learning_rate: 0.1, warmup_iters: 500, warmup_start_lr: 0}\niters: 100\n",
    "lr_scheduler: {type: StepDecay, learning_rate: 0.1, step_size: 0, gama: 2}\niters: 100\n",
    "lr_scheduler: {type: LambdaDecay, learning_rate: 0.1, lr_lambda: 'lambda e: __import__(\"os\")'}\niters: 100\n",
    "lr_scheduler:\n  type: PolynomialDecay\n  learning_rate: [\n",
  ];
  for (const body of bodies) {
    it(`reports instead of throwing for ${JSON.stringify(body.slice(0, 70))}`, () => {
      const out = run(paddlesegDialect, loadText(body, "file:///x/hostile.yml"), { host: diskHost() });
      for (const s of out.schedules) if (s.spec) build(s.spec);
      expect(Array.isArray(out.all)).toBe(true);
    });
  }

  it("clamps decay_steps to 1 when the warmup is longer than training, as max(iters − warmup, 1) does", () => {
    const out = run(paddlesegDialect, loadText("lr_scheduler: {type: PolynomialDecay, learning_rate: 0.1, warmup_iters: 500, warmup_start_lr: 0}\niters: 100\n", "file:///x/w.yml"));
    expect(formatChain(out.schedules[0].spec!)).toBe("LinearWarmup(PolynomialDecay(learning_rate=0.1, decay_steps=1), warmup_steps=500, start_lr=0, end_lr=0.1)");
  });
});

describe("PaddleSeg dialect: every fixture", () => {
  const dir = fixture("paddleseg", "");
  const files: string[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(join(dir, rel)).isDirectory()) {
        if (name !== "data" && name !== "dataset") walk(rel);
      } else if (/\.ya?ml$/.test(name)) files.push(rel);
    }
  };
  walk("");

  it("is read by this dialect when the registry detects the dialect from content", () => {
    expect(files.length).toBeGreaterThan(8);
    for (const rel of files) {
      const config = loadPath(fixture("paddleseg", rel));
      expect(detectDialect(config.own, config.root).dialect?.id, rel).toBe("paddleseg");
    }
  });
});
