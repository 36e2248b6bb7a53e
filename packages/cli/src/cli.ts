/**
 * The CLI's entry point as a function: parses `argv` with commander, runs `curve` or `check`, and
 * returns the exit code (0 ok, 1 problems found, 2 bad usage or unreadable input). It never calls
 * `process.exit` and never lets a stack trace reach the user.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { RULES, type Severity } from "@lrlens/core";
import { colorsFor } from "./colors";
import { BUILTIN_IDS } from "./core-internal";
import { runCheck } from "./commands/check";
import { runCurve } from "./commands/curve";
import type { Io } from "./io";
import { UsageError } from "./usage";

export const VERSION = "0.1.0";

const SEVERITIES = ["error", "warning", "warn", "information", "info", "hint", "off"];

function positiveInt(flag: string) {
  return (value: string): number => {
    const n = Number(value.replace(/_/g, ""));
    if (!/^\s*\d[\d_]*\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`${flag} must be a whole number ≥ 1, got "${value}"`);
    return n;
  };
}

function integer(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\s*-?\d+\s*$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`${flag} must be a whole number, got "${value}"`);
    return n;
  };
}

/** `--rule id=severity`, repeatable; the id must be a rule (or built-in check) lrlens knows. */
function ruleSetting(value: string, previous: Record<string, Severity | "off"> = {}): Record<string, Severity | "off"> {
  const m = /^\s*([A-Za-z0-9_-]+)\s*[=:]\s*([A-Za-z]+)\s*$/.exec(value);
  if (!m) throw new InvalidArgumentError(`--rule takes id=severity (e.g. no-unit-mix=error), got "${value}"`);
  const [, id, sev] = m;
  const known = [...RULES.map((r) => r.meta.id), ...BUILTIN_IDS];
  if (!known.includes(id)) throw new InvalidArgumentError(`unknown rule "${id}" (see docs/rules/ for the list)`);
  const s = sev.toLowerCase();
  if (!SEVERITIES.includes(s)) throw new InvalidArgumentError(`severity of ${id} must be one of error, warning, information, hint, off; got "${sev}"`);
  const norm = (s === "warn" ? "warning" : s === "info" ? "information" : s) as Severity | "off";
  return { ...previous, [id]: norm };
}

/** `--concurrency`: a whole number of worker threads, `auto` or `off` (as ESLint's flag). */
function concurrency(value: string): number | "auto" | "off" {
  const v = value.trim().toLowerCase();
  if (v === "auto" || v === "off") return v;
  return positiveInt("--concurrency")(v);
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export async function execute(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const program = new Command("lrlens")
    .description("Learning-rate schedules of PaddlePaddle training configs: print their curves, lint them.")
    .version(VERSION, "-v, --version")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: (s, write) => write(`lrlens: ${s.replace(/^error: /, "")}`) })
    .showSuggestionAfterError(true);

  program
    .command("curve")
    .description("print the learning rate of every schedule in the given configs")
    .argument("<file...>", "config files")
    .option("--steps <N>", "print exactly N values (default: the horizon the config or schedule implies)", positiveInt("--steps"))
    .option("--steps-per-epoch <N>", "training iterations per epoch, to put epoch-based configs on the iteration axis", positiveInt("--steps-per-epoch"))
    .addOption(new Option("--format <format>", "output format").choices(["json", "csv", "svg"]).default("json"))
    .option("--out <FILE>", "write to FILE instead of stdout")
    .option("--allow-read <dir>", "read configs and their _BASE_ files only inside <dir> (repeatable; default: anywhere)", collect)
    .action((files: string[], o: { steps?: number; stepsPerEpoch?: number; format: "json" | "csv" | "svg"; out?: string; allowRead?: string[] }) => {
      code = runCurve(files, o, io);
    });

  program
    .command("check")
    .description("lint learning-rate schedules (ESLint-like)")
    .argument("<paths...>", "files, directories (walked for *.yml/*.yaml) or globs")
    .addOption(new Option("--format <format>", "output format").choices(["stylish", "json", "sarif"]).default("stylish"))
    .option("--fix", "apply safe fixes in place and report what remains", false)
    .option("--steps-per-epoch <N>", "training iterations per epoch (overrides .lrlens.yaml)", positiveInt("--steps-per-epoch"))
    .option("--max-warnings <N>", "exit 1 when there are more than N warnings (-1: no limit)", integer("--max-warnings"), -1)
    .option("--rule <id=severity>", "set a rule's severity, or off (repeatable)", ruleSetting)
    .option("--allow-read <dir>", "read configs and their _BASE_ files only inside <dir> (repeatable; default: anywhere)", collect)
    .option("--concurrency <N|auto|off>", "worker threads for large runs (output is the same either way)", concurrency, "auto")
    .option("--color", "force colour output")
    .option("--no-color", "disable colour output")
    .action(
      async (
        paths: string[],
        o: { format: "stylish" | "json" | "sarif"; fix: boolean; stepsPerEpoch?: number; maxWarnings: number; rule?: Record<string, Severity | "off">; allowRead?: string[]; concurrency: number | "auto" | "off"; color?: boolean },
      ) => {
        code = await runCheck(paths, { ...o, rules: o.rule ?? {}, colors: colorsFor(io, o.color), version: VERSION }, io);
      },
    );

  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; every parse error is bad usage.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`lrlens: ${e.message}\n`);
      return 2;
    }
    io.stderr(`lrlens: internal error: ${e instanceof Error ? e.message : String(e)} (please report this)\n`);
    return 2;
  }
}
