import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeShared, sharedPath } from "../../core/src/testing/shared";
import { collectCustomTags, toCustomTagSetting } from "./custom-tags";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const declared: string[] = pkg.contributes.configurationDefaults["yaml.customTags"];

const tagsOf = (text: string) => toCustomTagSetting(collectCustomTags(text));

describe("collectCustomTags", () => {
  it("reads a tagged block mapping in a sequence, as PaddleDetection writes schedulers", () => {
    const text = "LearningRate:\n  base_lr: 0.01\n  schedulers:\n  - !PiecewiseDecay\n    gamma: 0.1\n    milestones: [8, 11]\n  - !LinearWarmup\n    start_factor: 0.1\n    steps: 1000\n";
    expect(tagsOf(text)).toEqual(["!LinearWarmup mapping", "!PiecewiseDecay mapping"]);
  });
  it("reads a tagged mapping under a key", () => {
    expect(tagsOf("TrainDataset:\n  !COCODataSet\n    image_dir: train2017\n")).toEqual(["!COCODataSet mapping"]);
    expect(tagsOf("TrainDataset: !COCODataSet\n  image_dir: train2017\n")).toEqual(["!COCODataSet mapping"]);
  });
  it("tells flow mappings, sequences and scalars apart", () => {
    expect(tagsOf("a: !Flow {x: 1}\nb: !Seq [1, 2]\nc: !Scalar text\nd: !Block\n  - 1\ne: !Empty\nf: 1\n")).toEqual([
      "!Block sequence",
      "!Empty scalar",
      "!Flow mapping",
      "!Scalar scalar",
      "!Seq sequence",
    ]);
  });
  it("ignores tags in comments and quoted text, and standard !! tags", () => {
    expect(tagsOf("# - !LinearWarmup\na: '!NotATag'\nb: !!str 5\nc: 1 # !Nope\n")).toEqual([]);
  });
});

describeShared("yaml.customTags contributed for Red Hat YAML", () => {
  it("declares exactly the tags, with their node kinds, that the PaddleDetection configs use", () => {
    const root = sharedPath("corpus/PaddleDetection");
    const found = new Map();
    let files = 0;
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
      collectCustomTags(readFileSync(join(entry.parentPath, entry.name), "utf8"), found);
      files++;
    }
    expect(files).toBeGreaterThan(500);
    expect(declared).toEqual(toCustomTagSetting(found));
    expect(declared).toContain("!PiecewiseDecay mapping");
    expect(declared).toContain("!COCODataSet mapping");
  });
});
