import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../common/testing/harness";
import { countCoco } from "./coco-count";

describe("countCoco", () => {
  it("counts the images and the images with a non-crowd annotation of a COCO file", () => {
    const text = readFileSync(fixturePath("paddledet", "dataset/coco/annotations/instances_train.json"), "utf8");
    // 7 images; image 6 has only a crowd box, image 7 none; image 3's annotation has no iscrowd (non-crowd).
    expect(countCoco(text)).toEqual({ images: 7, annotatedImages: 5 });
  });

  it("skips strings with brackets and escaped quotes and deep nesting without recursion", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const text = `{"x": ${deep}, "images": [{"file_name": "a]\\"}{"}, 2, "three", null, [[]]]}`;
    expect(countCoco(text)).toEqual({ images: 5, annotatedImages: undefined });
  });

  it("returns undefined for text that is not a COCO object", () => {
    expect(countCoco("")).toBeUndefined();
    expect(countCoco("[1, 2]")).toBeUndefined();
    expect(countCoco('{"images": [1, 2')).toBeUndefined();
    expect(countCoco('{"annotations": []}')).toBeUndefined();
    expect(countCoco("not json at all")).toBeUndefined();
  });
});
