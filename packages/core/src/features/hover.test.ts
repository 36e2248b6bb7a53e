import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeShared } from "../testing/shared";
import { hoverAt } from "./hover";
import { anchorSpan } from "./locate";
import { analyzeFile, analyzeFixture, corpusFiles, CORPUS, FIXTURES, offsetOf } from "./testing/fixtures";

const text = (rel: string) => readFileSync(join(FIXTURES, rel), "utf8");

/** The SVG documents of the markdown's data-URI images. */
function images(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => Buffer.from(m[1], "base64").toString("utf8"));
}

describe("hoverAt", () => {
  it("shows the DBNet curve with warmup end and milestones marked, and Paddle's key numbers", () => {
    const a = analyzeFixture("paddle/dbnet.yml");
    const h = hoverAt(a, offsetOf(a.text, "name: LinearWarmup", 8))!;
    expect(h.markdown).toMatch(/^\*\*LinearWarmup\*\*/);
    const [svg] = images(h.markdown);
    expect(svg).toMatch(/^<svg[^>]*width="480"[^>]*height="160"/);
    expect(svg).toMatch(/class="[^"]*lr-curve/);
    expect(h.markdown).toContain("| Peak | 0.007 at step 2,000 |");
    expect(h.markdown).toContain("| Final | 7e-05 |");
    expect(h.markdown).toMatch(/\| [^|]*\(step 2,300\) \| 0\.0007 \|/);
    expect(h.markdown).toMatch(/\| [^|]*\(step 2,400\) \| 7e-05 \|/);
    expect(h.markdown).toMatch(/Paddle: LinearWarmup\\?\(MultiStepDecay\\?\(/);
    expect(a.text.slice(h.span.start, h.span.end)).toBe("name: LinearWarmup");
    // Editors cap a hover's height: the picture and the numbers come before the scheduler's docs.
    const [headline, picture, numbers] = h.markdown.split("\n\n");
    expect(headline).toMatch(/^\*\*LinearWarmup\*\*/);
    expect(picture).toMatch(/^!\[LR curve/);
    expect(numbers).toContain("| Peak |");
    expect(h.markdown.indexOf("| Peak |")).toBeLessThan(h.markdown.indexOf("warmup"));
  });

  it("on a parameter, shows its docs and the curve with its neighbouring values", () => {
    const a = analyzeFixture("paddle/dbnet.yml");
    const h = hoverAt(a, offsetOf(a.text, "gamma: 0.1", 2))!;
    expect(h.markdown).toMatch(/^\*\*gamma\*\* in lr\\?_scheduler/);
    expect(h.markdown).toMatch(/Also drawn: gamma\\?=0\\?\.2/);
    const [svg] = images(h.markdown);
    expect(svg.match(/class="[^"]*lr-curve/g)!.length).toBe(2);
    expect(a.text.slice(h.span.start, h.span.end)).toBe("gamma: 0.1");
  });

  it("names the neighbouring values as written in the YAML, in epochs for an epoch-valued key", () => {
    const a = analyzeFixture("paddleocr/det_cosine.yml");
    const h = hoverAt(a, offsetOf(a.text, "warmup_epoch", 2))!;
    // warmup_epoch 2 × 50 steps per epoch = 100 steps; its neighbours are 50 and 200 steps.
    expect(h.markdown).toMatch(/Also drawn: warmup\\?_epoch\\?=1, warmup\\?_epoch\\?=4 /);
  });

  it("can leave the neighbouring curves out", () => {
    const a = analyzeFixture("paddle/dbnet.yml");
    const h = hoverAt(a, offsetOf(a.text, "gamma: 0.1", 2), { neighbours: false })!;
    expect(h.markdown).not.toMatch(/gamma\\?=0\\?\.2/);
  });

  it("names the base file an inherited schedule comes from, hovering the _BASE_ entry", () => {
    const a = analyzeFixture("paddledet/faster_rcnn_12e.yml");
    const h = hoverAt(a, offsetOf(a.text, "optimizer_12e.yml", 2))!;
    expect(h.markdown).toMatch(/Inherited from optimizer\\?_12e\\?\.yml/);
    expect(images(h.markdown)).toHaveLength(1);
  });

  it("names the base file of inherited parameters on a partly overridden block", () => {
    const a = analyzeFixture("paddleseg/pp_liteseg_lite.yml");
    const h = hoverAt(a, offsetOf(a.text, "lr_scheduler:", 3))!;
    expect(h.markdown).toMatch(/Inherited from cityscapes\\?_lite\\?\.yml \([^)]*power/);
  });

  it("escapes hostile config strings so they stay text", () => {
    const a = analyzeFixture("hostile/escaping.yml");
    const h = hoverAt(a, offsetOf(a.text, "name: StepDecay", 8))!;
    // Escaped (`\\<img`, `&lt;img`) is text; a bare `<img` or a `](javascript:` link would be live.
    expect(h.markdown).toMatch(/img src\\?=x onerror/);
    expect(h.markdown).not.toMatch(/(?<!\\)<(img|script)/i);
    expect(h.markdown).not.toMatch(/(?<!\\)\]\(javascript:/);
    for (const svg of images(h.markdown)) expect(svg).not.toMatch(/<script|onerror=/i);
  });

  it("explains instead of drawing when Paddle rejects the schedule", () => {
    const a = analyzeFixture("paddle/bad.yml", {}, "lr_scheduler:\n  name: MultiStepDecay\n  learning_rate: 0.1\n  milestones: [30, 60]\n  gamma: 1.5\n");
    const h = hoverAt(a, offsetOf(a.text, "MultiStepDecay", 2))!;
    expect(h.markdown).toMatch(/Cannot draw this schedule:.*gamma/);
    expect(images(h.markdown)).toEqual([]);
  });

  it("is silent outside schedules", () => {
    const a = analyzeFixture("paddleocr/det_cosine.yml");
    expect(hoverAt(a, offsetOf(a.text, "use_gpu"))).toBeUndefined();
    expect(hoverAt(analyzeFixture("plain/workflow.yml"), 10)).toBeUndefined();
  });

  it("reads every fixture's schedule key numbers in the unit it is drawn in", () => {
    const ocr = analyzeFixture("paddleocr/det_cosine.yml");
    const h = hoverAt(ocr, offsetOf(ocr.text, "name: Cosine", 7))!;
    expect(h.markdown).toContain("| Peak | 0.001 at iteration 100 |");
    expect(h.markdown).toMatch(/\| Steps per epoch \| 50 \(comment/);
    expect(text("paddleocr/det_cosine.yml")).toContain("epoch_num: 100");
  });
});

describeShared("hoverAt over the corpus", () => {
  it("hovers every schedule of every corpus config without throwing, with a picture or a reason", () => {
    let hovered = 0;
    for (const suite of ["PaddleOCR", "PaddleClas", "PaddleDetection", "PaddleSeg"]) {
      for (const rel of corpusFiles(suite)) {
        const a = analyzeFile(join(CORPUS, suite, rel));
        for (const s of a.schedules) {
          const span = anchorSpan(a, s);
          if (!span) continue;
          const h = hoverAt(a, span.start);
          expect(h, `${suite}/${rel}`).toBeDefined();
          expect(h!.markdown, `${suite}/${rel}`).toMatch(/data:image\/svg\+xml;base64,|Cannot draw this schedule/);
          hovered++;
        }
      }
    }
    expect(hovered).toBeGreaterThan(500);
  });
});
