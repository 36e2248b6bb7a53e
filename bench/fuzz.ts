/**
 * The full fuzz run against the live server: `npm run fuzz -- --docs 100000 [--seed N] [--json]`.
 * Builds the server, types a few corpus configs character by character, then sends random edit
 * cases until `--docs` document versions were fuzzed, and prints docs/s, crashes, hangs (> 1 s),
 * p50/p99/max latency, limits hit by kind, and the first failures with the seed that replays them.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { REPO_ROOT } from "../packages/lsp/test/harness";
import { caseBatch, fuzzWorkspace, summarize, typingCase, typingSources } from "../packages/lsp/test/fuzz/campaign";
import { FuzzSession } from "../packages/lsp/test/fuzz/session";

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

async function main(): Promise<number> {
  const docs = Number(arg("docs") ?? 2000);
  const seed = Number(arg("seed") ?? process.env.LRLENS_FUZZ_SEED ?? Date.now() % 2 ** 31);
  const json = process.argv.includes("--json");
  const typing = Number(arg("typing") ?? 4);
  // A time budget (minutes) ends the run early with the figures so far, as does Ctrl-C.
  const deadline = performance.now() + Number(arg("minutes") ?? Infinity) * 60_000;
  let interrupted = false;
  process.once("SIGINT", () => (interrupted = true));
  if (!Number.isInteger(docs) || docs < 1 || !Number.isInteger(seed)) {
    console.error("usage: npm run fuzz -- [--docs N] [--seed N] [--typing K] [--json]");
    return 2;
  }
  if (process.env.LRLENS_SKIP_SERVER_BUILD !== "1") {
    const built = spawnSync(process.execPath, [join(REPO_ROOT, "esbuild.mjs"), "lsp"], { cwd: REPO_ROOT, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`building the server failed:\n${built.stdout}${built.stderr}`);
  }
  const ws = fuzzWorkspace();
  if (ws.corpus.length === 0) console.error("[fuzz] ../shared/corpus not found: fuzzing generated configs only.");
  if (!json) console.log(`[fuzz] seed ${seed} (replay: npm run fuzz -- --seed ${seed} --docs ${docs}), ${ws.corpus.length} corpus configs`);

  const dumpDir = mkdtempSync(join(tmpdir(), "lrlens-fuzz-failures-"));
  // The client's own event-loop stalls inflate measured latency: reported so a hang can be told from a busy fuzzer.
  const clientLag = monitorEventLoopDelay({ resolution: 10 });
  clientLag.enable();
  const session = await FuzzSession.start({ root: ws.root, corpusText: ws.corpusText, dumpDir });
  const t0 = performance.now();
  let lastReport = t0;
  for (const index of typingSources(ws, typing)) await session.runCase(typingCase(ws.corpusText(index).text, { kind: "corpus", index }));
  const more = () => session.stats.docs < docs && !interrupted && performance.now() < deadline;
  for (let b = 0; more(); b++) {
    for (const c of caseBatch(seed, b, 50, ws.corpus.length)) {
      const failures = await session.runCase(c);
      if (failures.length > 0 && !json) console.log(`[fuzz] batch ${b}: ${failures.length} failures, first ${failures[0].kind} (${failures[0].docChars} chars): ${failures[0].detail.split("\n")[0].slice(0, 200)}`);
      if (!more()) break;
    }
    if (!json && performance.now() - lastReport > 30_000) {
      lastReport = performance.now();
      const s = summarize(seed, session.stats, (lastReport - t0) / 1000);
      console.log(`[fuzz] ${s.docs} docs, ${s.docsPerSecond} docs/s, ${s.crashes} crashes, ${s.hangs} hangs, max ${s.maxLatencyMs} ms`);
    }
  }
  clientLag.disable();
  const summary = { ...summarize(seed, session.stats, (performance.now() - t0) / 1000), clientLoopDelayMaxMs: Math.round(clientLag.max / 1e6), clientLoopDelayP99Ms: Math.round(clientLag.percentile(99) / 1e6) };
  const exitCode = await session.stop();
  if (json) console.log(JSON.stringify({ ...summary, shutdownExitCode: exitCode, firstFailures: session.stats.failures.slice(0, 20) }, null, 2));
  else {
    console.log(`\nlrlens fuzz — seed ${summary.seed}${summary.docs < docs ? ` (stopped early: ${interrupted ? "interrupted" : "time budget"})` : ""}`);
    console.log(`  docs fuzzed      ${summary.docs} (${summary.cases} cases, ${summary.requests} requests) in ${summary.seconds} s = ${summary.docsPerSecond} docs/s`);
    console.log(`  crashes          ${summary.crashes}`);
    console.log(`  hangs (> 1 s)    ${summary.hangs}`);
    console.log(`  latency          p50 ${summary.p50LatencyMs} ms, p99 ${summary.p99LatencyMs} ms, max ${summary.maxLatencyMs} ms`);
    console.log(`  limits hit       ${JSON.stringify(summary.limitsHit)}`);
    console.log(`  error responses  ${JSON.stringify(summary.errorResponses)}`);
    console.log(`  worker restarts  ${summary.workerRestarts}`);
    console.log(`  fuzzer stalls    event-loop delay p99 ${summary.clientLoopDelayP99Ms} ms, max ${summary.clientLoopDelayMaxMs} ms (counted in the latencies above)`);
    console.log(`  failures         ${summary.failures} ${JSON.stringify(summary.failureKinds)}`);
    console.log(`  shutdown         exit code ${exitCode}`);
    for (const f of session.stats.failures.slice(0, 10)) console.log(`  - ${f.kind} (${f.docChars} chars${f.saved ? `, saved as ${f.saved}` : ""}): ${f.detail.slice(0, 400)}`);
  }
  return summary.crashes + summary.failures > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
