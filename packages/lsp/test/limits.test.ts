/**
 * Every limit through the live server: a hostile document's `limit-exceeded` diagnostic arrives,
 * hover and `lrlens/curves` still answer within a second, and `lrlens.limits.*` settings lower
 * and raise each limit.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSettings } from "../src/settings";
import { LspClient, REPO_ROOT, uriOf, type PublishedDiagnostics } from "./harness";

const HOSTILE = join(REPO_ROOT, "fixtures/hostile");
let client: LspClient;
let root: string;

/** A workspace holding the hostile fixtures and a 40-file `_BASE_` chain (c1.yml → c2.yml → … → c40.yml). */
function hostileWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "lrlens-limits-"));
  cpSync(HOSTILE, dir, { recursive: true });
  for (let i = 1; i <= 40; i++) {
    const body = i === 40 ? "LearningRate:\n  base_lr: 0.01\n  schedulers:\n  - !PiecewiseDecay\n    milestones: [8, 11]\n    use_warmup: false\nepoch: 12\n" : `_BASE_: ['c${i + 1}.yml']\n`;
    writeFileSync(join(dir, `c${i}.yml`), body);
  }
  return dir;
}

beforeAll(async () => {
  root = hostileWorkspace();
  client = await LspClient.start({ root });
});

afterAll(() => client?.kill());

const STEP_DECAY = "lr_scheduler:\n  name: StepDecay\n  learning_rate: 0.1\n  step_size: 10\n  gamma: 0.5\n";
const milestones = (n: number) => `lr_scheduler:\n  name: MultiStepDecay\n  learning_rate: 0.1\n  milestones: [${Array.from({ length: n }, (_, i) => i + 1).join(", ")}]\n`;
const limitMessages = (p: PublishedDiagnostics) => p.diagnostics.filter((d) => d.code === "limit-exceeded").map((d) => d.message);

let opened = 0;

/** Opens `text` as a new document (a fixture's text when `text` is a file name) and waits for its first diagnostics. */
async function openDoc(name: string, text: string, pred: (p: PublishedDiagnostics) => boolean = () => true): Promise<{ uri: string; published: PublishedDiagnostics }> {
  const rel = `doc${++opened}-${name}`;
  const uri = uriOf(join(root, rel));
  const waiting = client.diagnostics(uri, pred, { timeoutMs: 60_000 });
  client.open(rel, text);
  return { uri, published: await waiting };
}

/** Hover on line 1 and `lrlens/curves`, each timed; both must answer (null / an empty list are answers). */
async function timedAnswers(uri: string): Promise<{ hoverMs: number; curvesMs: number; curves: any }> {
  let t = performance.now();
  const hover = await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 9 } });
  const hoverMs = performance.now() - t;
  expect(hover === null || typeof hover.contents.value === "string").toBe(true);
  t = performance.now();
  const curves = await client.request("lrlens/curves", { textDocument: { uri } });
  const curvesMs = performance.now() - t;
  expect(Array.isArray(curves.schedules)).toBe(true);
  return { hoverMs, curvesMs, curves };
}

/** `lrlens/curves`, retried while the server answers ServerCancelled (busy re-linting after a settings change), as the extension does. */
async function curvesWhenIdle(uri: string): Promise<any> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.request("lrlens/curves", { textDocument: { uri } });
    } catch (e) {
      if (attempt >= 50 || (e as { code?: number }).code !== -32802) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const read = (name: string) => readFileSync(join(HOSTILE, name), "utf8");

describe("each limit through the live server", () => {
  const cases: [string, () => string, RegExp][] = [
    ["a 2,000,100-character document", () => `${STEP_DECAY}# ${"x".repeat(2_000_100)}\n`, /^Document too large to analyse: \d+ characters \(maxDocumentChars = 2000000\)\.$/],
    ["the billion-laughs document", () => read("alias-bomb.yml"), /^Alias expansion limit reached \(maxAliasCount = 100\)/],
    ["a mapping nested 70 deep", () => read("nesting-70.yml"), /^Nesting deeper than maxNestingDepth = 64/],
    ["50,000 open brackets", () => `${STEP_DECAY}x: ${"[".repeat(50_000)}\n`, /^Document nests deeper than \d+ levels here \(maxNestingDepth = 64\)/],
    ["100,001 milestones", () => milestones(100_001), /^This sequence has 100001 items; only the first 100000 are read \(maxListLength = 100000\)\.$/],
    ["a 40-file _BASE_ chain", () => "_BASE_: ['c1.yml']\narchitecture: FasterRCNN\n", /^Inheritance chain deeper than maxInheritanceDepth = 32/],
    ["a 10^18-step cosine", () => read("horizon-1e18.yml"), /beyond maxHorizon = 1e\+15/],
    ["an int beyond 2^53", () => read("number-big-int.yml"), /is beyond 2\^53/],
  ];

  it.each(cases)("%s: the diagnostic arrives, hover and curves answer within a second", async (name, text, expected) => {
    const { uri, published } = await openDoc(`${name.replace(/\W+/g, "-")}.yml`, text(), (p) => limitMessages(p).length > 0);
    expect(limitMessages(published)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
    const { hoverMs, curvesMs } = await timedAnswers(uri);
    expect(hoverMs).toBeLessThan(1000);
    expect(curvesMs).toBeLessThan(1000);
    expect(client.child.exitCode).toBeNull();
    client.close(uri);
  });

  it("hovers a 10^12-step cosine within a second, curve included, with no limit hit", async () => {
    const { uri, published } = await openDoc("cosine-1e12.yml", read("horizon-1e12.yml"));
    expect(limitMessages(published)).toEqual([]);
    const { hoverMs, curves } = await timedAnswers(uri);
    expect(hoverMs).toBeLessThan(1000);
    expect(curves.schedules[0].totalSteps).toBe(1e12 + 1);
    expect(curves.schedules[0].svg).toMatch(/^<svg/);
  });

  it.each([
    ["lambda-long.yml", "lambda text is 2221 characters long; the limit is 2000"],
    ["lambda-overflow.yml", "integer result too large (more than 4096 bits)"],
    ["number-nan.yml", "The learning rate becomes NaN at step 0"],
    ["number-overflow.yml", "The learning rate becomes Infinity at step 0"],
  ])("%s: an error says what is wrong, and hover still answers", async (file, expected) => {
    const { uri, published } = await openDoc(file, read(file));
    expect(published.diagnostics.map((d) => d.message)).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
    expect((await timedAnswers(uri)).hoverMs).toBeLessThan(1000);
  });
});

describe("lrlens.limits.* settings", () => {
  it("accept every limit, and cap maxAliasCount at 1,000,000 (the billion-laughs document stays a fraction of a second there; at 10^8 it takes many seconds)", () => {
    const raw = { limits: { maxDocumentChars: 5000, maxAliasCount: 1e9, maxNestingDepth: 8, maxListLength: 20, maxInheritanceDepth: 3, maxInheritanceFiles: 4, maxDenseSteps: 2000, maxHorizon: 1e9, maxLambdaChars: 50, maxLambdaCost: 60 } };
    expect(parseSettings(raw).limits).toEqual({ ...raw.limits, maxAliasCount: 1_000_000 });
    // Flat dotted keys, as some clients send them, work too.
    expect(parseSettings({ "limits.maxHorizon": 5000 }).limits.maxHorizon).toBe(5000);
  });

  it("lower and raise each limit, re-linting open documents", async () => {
    const docs = {
      size: await openDoc("size.yml", `${STEP_DECAY}# ${"x".repeat(1500)}\n`),
      alias: await openDoc("alias.yml", `a: &a [1]\nb: [*a, *a, *a]\n${STEP_DECAY}`),
      depth: await openDoc("depth.yml", `${STEP_DECAY}x: [[[[[[[1]]]]]]]\n`),
      list: await openDoc("list.yml", milestones(11)),
      chain: await openDoc("chain.yml", "_BASE_: ['c38.yml']\narchitecture: FasterRCNN\n"),
      horizon: await openDoc("horizon.yml", read("horizon-1e12.yml")),
      lambda: await openDoc("lambda.yml", read("lambda-costly.yml")),
      longLambda: await openDoc("long-lambda.yml", read("lambda-long.yml")),
    };
    for (const [name, d] of Object.entries(docs)) if (name !== "longLambda") expect(limitMessages(d.published), name).toEqual([]);

    const relinted = (uri: string) => client.diagnostics(uri, (p) => p.diagnostics.length > 0 && (limitMessages(p).length > 0 || p.diagnostics.some((x) => x.code === "invalid-lambda")), { timeoutMs: 60_000 });
    const waits = Object.fromEntries(Object.entries(docs).filter(([n]) => n !== "longLambda").map(([n, d]) => [n, relinted(d.uri)]));
    client.changeSettings({ limits: { maxDocumentChars: 3_000_000, maxAliasCount: 2, maxNestingDepth: 4, maxListLength: 10, maxInheritanceFiles: 2, maxHorizon: 1_000_000, maxLambdaCost: 100 } });
    const { size, ...others } = waits;
    const got = Object.fromEntries(await Promise.all(Object.entries(others).map(async ([n, w]) => [n, (await w).diagnostics.map((d) => d.message)])));
    expect(got.alias).toEqual([expect.stringContaining("maxAliasCount = 2")]);
    expect(got.depth).toEqual(expect.arrayContaining([expect.stringContaining("maxNestingDepth = 4")]));
    expect(got.list).toEqual(expect.arrayContaining(["This sequence has 11 items; only the first 10 are read (maxListLength = 10)."]));
    expect(got.chain).toEqual(expect.arrayContaining([expect.stringContaining("more than maxInheritanceFiles = 2 files")]));
    expect(got.horizon).toEqual(expect.arrayContaining([expect.stringContaining("beyond maxHorizon = 1e+6")]));
    expect(got.lambda).toEqual(expect.arrayContaining([expect.stringContaining("expression is too large (more than 100 operations)")]));

    client.changeSettings({ limits: { maxDocumentChars: 1000 } });
    expect((await size).diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^Document too large to analyse: \d+ characters \(maxDocumentChars = 1000\)\.$/)]);

    // Raised maxLambdaChars: the 2,221-character lambda is drawn now.
    const raisedLambda = client.diagnostics(docs.longLambda.uri, (p) => !p.diagnostics.some((x) => x.code === "invalid-lambda"), { timeoutMs: 60_000 });
    client.changeSettings({ limits: { maxLambdaChars: 5000 } });
    await raisedLambda;
    expect((await curvesWhenIdle(docs.longLambda.uri)).schedules[0].points.length).toBeGreaterThan(0);
  }, 120_000);
});
