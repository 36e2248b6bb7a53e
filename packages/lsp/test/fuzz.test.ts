/**
 * Fuzzing the live server (issue 9, item 2): real and generated configs, mutated and typed
 * character by character, reach the spawned server as `didChange` edits (range and full text);
 * after each edit every feature is requested, and every answer must come within 1 s, well-formed,
 * while the process stays up. `LRLENS_FUZZ_SEED=<n>` replays a run; the full run is `npm run fuzz`.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseArb, type FuzzCase } from "./fuzz/generate";
import { fuzzWorkspace, typingCase, typingSources, summarize } from "./fuzz/campaign";
import { FuzzSession, type Failure } from "./fuzz/session";

const SEED = Number(process.env.LRLENS_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Random cases in CI (about 2.5 document versions each); the typing sweeps add a few hundred more. */
const CASES = Number(process.env.LRLENS_FUZZ_CASES ?? 900);

/** The seed article's DBNet example, written for these tests: typed in when the corpus is absent. */
const DBNET = `Global:
  epoch_num: 1200
Optimizer:
  name: Adam
  beta1: 0.9
  beta2: 0.999
  lr:
    name: Cosine
    learning_rate: 0.001
    warmup_epoch: 2
  regularizer:
    name: L2
    factor: 0
Train:
  loader:
    batch_size_per_card: 8
`;

const show = (fs: Failure[]) => fs.map((f) => `${f.kind}: ${f.detail.slice(0, 300)}`);

describe(`the live server under fuzzed edits (seed ${SEED}; replay with LRLENS_FUZZ_SEED=${SEED})`, () => {
  const ws = fuzzWorkspace();
  let session: FuzzSession;
  const t0 = performance.now();

  beforeAll(async () => {
    console.log(`[fuzz] seed ${SEED} (replay: LRLENS_FUZZ_SEED=${SEED}); ${ws.corpus.length ? `${ws.corpus.length} corpus configs` : "no ../shared/corpus: generated configs only"}`);
    session = await FuzzSession.start({ root: ws.root, corpusText: ws.corpusText });
  });

  afterAll(async () => {
    if (!session) return;
    console.log(`[fuzz] ${JSON.stringify(summarize(SEED, session.stats, (performance.now() - t0) / 1000))}`);
    expect(await session.stop(), "exit code after shutdown/exit").toBe(0);
  });

  it("answers every request within 1 s while a config is typed character by character (every truncation of it)", async () => {
    const sources: FuzzCase["source"][] = ws.corpus.length ? typingSources(ws, 2).map((index) => ({ kind: "corpus", index })) : [{ kind: "generated", text: DBNET }];
    let typed = 0;
    for (const source of sources) {
      const text = source.kind === "corpus" ? ws.corpusText(source.index).text : source.text;
      typed += Array.from(text).length;
      expect(show(await session.runCase(typingCase(text, source)))).toEqual([]);
    }
    // One document per keystroke: every truncation of every typed config was sent and answered.
    expect(session.stats.docs).toBeGreaterThanOrEqual(typed);
  });

  it("answers every request within 1 s, well-formed and in range, for randomly mutated real and generated configs", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(ws.corpus.length, { heavy: false }), async (c) => {
        expect(show(await session.runCase(c))).toEqual([]);
      }),
      { seed: SEED, numRuns: CASES, endOnFailure: true },
    );
  });

  it("keeps answering for an open child config while the `_BASE_` file it inherits from is fuzzed", async () => {
    await fc.assert(
      fc.asyncProperty(
        caseArb(ws.corpus.length, { heavy: false }).map((c) => ({ ...c, asBase: true })),
        async (c) => {
          expect(show(await session.runCase(c))).toEqual([]);
        },
      ),
      { seed: SEED + 1, numRuns: Math.ceil(CASES / 6), endOnFailure: true },
    );
  });

  it("fuzzed a few thousand documents without a crash, a hang or a malformed message", () => {
    const s = session.stats;
    expect(s.docs).toBeGreaterThan(Math.min(2000, CASES * 2));
    expect({ crashes: s.crashes, hangs: s.hangs, failures: show(s.failures) }).toEqual({ crashes: 0, hangs: 0, failures: [] });
  });
});
