/**
 * Hover on a schedule block, its scheduler name or one of its parameters: the LR curve as an SVG
 * image, the key numbers, the parameter's docs and, for inherited values, the file they came from.
 * Every config-derived string is escaped: a config is untrusted input.
 */
import type { Analysis, AnalyzedSchedule } from "../analysis/types";
import { getDialect } from "../dialects";
import { svgDataUri } from "../render/data-uri";
import { formatSpec, getSchedulerInfo } from "../schedulers";
import type { ParamInfo } from "../schedulers/types";
import { escapeMarkdown } from "../text/escape";
import { formatLr, formatSteps } from "../text/format";
import { pyNumberRepr } from "../text/py-repr";
import { curveOf } from "./curve-data";
import { locate, type Located } from "./locate";
import { neighbourSeries } from "./neighbours";
import { curvePictureResult, type ExtraSeries } from "./picture";
import { fileLabel } from "./provenance";
import { ownerOf } from "./spec-args";
import type { CurveData, HoverOptions, HoverResult } from "./types";

/** A hover picture is 480 pixels wide: more points than that are invisible. */
const HOVER_POINTS = 480;
const MAX_MARKER_ROWS = 8;

const md = escapeMarkdown;

export function hoverAt(analysis: Analysis, offset: number, opts: HoverOptions = {}): HoverResult | undefined {
  const at = locate(analysis, offset);
  if (!at) return undefined;
  const s = at.schedule;
  // The picture comes right under the headline: editors cap a hover's height, and the curve is
  // what the hover is for; the numbers follow, then the docs, which may scroll.
  const parts: string[] = [headline(analysis, at)];
  const doc = docFor(analysis, at);
  const curve = curveOf(s, Math.min(opts.maxPoints ?? HOVER_POINTS, HOVER_POINTS));
  if ("error" in curve) {
    parts.push(`**Cannot draw this schedule:** ${md(curve.error)}`);
  } else {
    const extra = opts.neighbours === false || at.on !== "param" ? [] : neighboursOf(at);
    const picture = extra.length ? curvePictureResult(curve, { extra, mainLabel: "as written" }) : curvePictureResult(curve);
    if (picture.svg) parts.push(`![LR curve of ${md(s.path)}](${svgDataUri(picture.svg)})`);
    else if (picture.error) parts.push(`⚠ ${md(picture.error)}`);
    if (extra.length) parts.push(`Also drawn: ${extra.map((e) => md(e.label)).join(", ")} (lighter lines).`);
    parts.push(numbersTable(s, curve));
  }
  if (doc) parts.push(doc);
  // Plain escaped text, not a code span: inside a code span escapes would show as backslashes.
  if (s.spec) parts.push(`Paddle: ${md(formatSpec(s.spec))}`);
  const origin = provenance(analysis, at);
  if (origin) parts.push(origin);
  return { markdown: parts.join("\n\n"), span: at.span };
}

function headline(analysis: Analysis, at: Located): string {
  const s = at.schedule;
  const dialect = analysis.dialect ? getDialect(analysis.dialect)?.label ?? analysis.dialect : s.dialect;
  const where = `${md(s.path)} · ${md(s.kind)} · ${md(dialect)}`;
  if (at.on === "param" && at.entry) return `**${md(at.entry.key)}** in ${where}`;
  if (at.on === "param" && at.args.length) return `**${md(at.args[0][1].key)}** in ${where}`;
  return `**${md(s.name ?? s.spec?.name ?? s.path)}** · ${where}`;
}

/** Docs of the hovered parameter (suite vocabulary first, then Paddle's signature), or of the scheduler. */
function docFor(analysis: Analysis, at: Located): string | undefined {
  const s = at.schedule;
  const vocab = analysis.dialect ? getDialect(analysis.dialect)?.vocabulary() : undefined;
  if (at.on === "name") {
    const name = at.entry?.value.kind === "scalar" ? at.entry.value.text : at.map?.tag ?? s.name;
    const entry = vocab?.find((v) => v.name === name) ?? (name ? getSchedulerInfo(name) : undefined);
    // Docs are lrlens' own text (trusted markdown), unlike anything read from the config.
    return entry?.doc;
  }
  if (at.on !== "param") return undefined;
  const key = at.entry?.key ?? at.args[0]?.[1].key;
  const scheduler = at.map?.tag ?? (at.map?.entries.find((e) => e.key === "name" || e.key === "type")?.value as { text?: string } | undefined)?.text ?? s.name;
  let info: ParamInfo | undefined = vocab?.find((v) => v.name === scheduler)?.params.find((p) => p.name === key);
  if (!info && s.spec && at.args.length) {
    const owner = ownerOf(s.spec, at.args[0][0]);
    info = owner ? getSchedulerInfo(owner.spec.name)?.params.find((p) => p.name === owner.param) : undefined;
  }
  if (!info) return undefined;
  const mentioned = /\bdefault\b/i.test(info.doc);
  const dflt = info.default && !mentioned ? ` Default: \`${defaultText(info)}\`.` : info.required ? " Required." : "";
  const choices = info.enum?.length ? ` One of ${info.enum.map((e) => `\`${e}\``).join(", ")}.` : "";
  return `${info.doc}${dflt}${choices}`;
}

export function defaultText(info: ParamInfo): string {
  const d = info.default;
  if (!d) return "";
  switch (d.type) {
    case "int":
    case "float":
      return pyNumberRepr(d.value, d.type === "int");
    case "bool":
      return d.value ? "True" : "False";
    case "str":
      return `'${d.value}'`;
    case "none":
      return "None";
    default:
      return d.type;
  }
}

function neighboursOf(at: Located): ExtraSeries[] {
  const numeric = at.args.find(([, src]) => src.node.kind === "scalar");
  return numeric ? neighbourSeries(at.schedule, numeric[0], numeric[1]) : [];
}

function unitWord(curve: CurveData): string {
  return curve.unit;
}

function numbersTable(s: AnalyzedSchedule, curve: CurveData): string {
  const u = unitWord(curve);
  const rows: [string, string][] = [
    ["Peak", `${formatLr(curve.peak)} at ${u} ${formatSteps(curve.peakAt)}`],
    ["Final", formatLr(curve.final)],
  ];
  const notable = curve.markers.filter((m) => m.kind !== "end");
  for (const m of notable.slice(0, MAX_MARKER_ROWS)) rows.push([`${md(m.label)} (${u} ${formatSteps(m.x)})`, formatLr(m.lr)]);
  if (notable.length > MAX_MARKER_ROWS) rows.push(["…", `${notable.length - MAX_MARKER_ROWS} more markers`]);
  const steps = curve.unit === "step" || curve.totalSteps === curve.length ? "" : `, ${formatSteps(curve.totalSteps)} scheduler steps`;
  rows.push(["Length", `${formatSteps(curve.length)} ${u}s (from ${md(curve.horizonFrom)}${steps})`]);
  rows.push(["Stepped", steppingText(s)]);
  const spe = s.stepsPerEpoch;
  const speText =
    spe.value === undefined
      ? `unknown${curve.unit === "epoch" ? ", so the curve is drawn in epochs" : ""}${spe.detail ? ` (${md(spe.detail)})` : ""}`
      : `${formatSteps(spe.value)} (${md(spe.source)}${spe.detail ? `: ${md(spe.detail)}` : ""})`;
  // The generic form counts step() calls: steps per epoch only matters when it is known.
  if (curve.unit !== "step" || spe.value !== undefined) rows.push(["Steps per epoch", speText]);
  if (curve.stepError) rows.push(["Stops", `⚠ ${md(curve.stepError)}`]);
  return ["| | |", "|:--|:--|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
}

function steppingText(s: AnalyzedSchedule): string {
  const { per, every } = s.stepping;
  if (per === "step") return "once per `step()` call";
  const n = every > 1 ? `every ${every} ${per}s` : `once per ${per}`;
  return n;
}

/** Where inherited values come from: the hovered parameter's file, or for a block every base file and the keys it gives. */
function provenance(analysis: Analysis, at: Located): string | undefined {
  if (at.on === "param") {
    const uris = new Set(at.args.map(([, src]) => src.node.span.uri).filter((u) => u !== analysis.uri));
    return uris.size ? `Inherited from ${[...uris].map((u) => md(fileLabel(u))).join(", ")}.` : undefined;
  }
  const byFile = new Map<string, Set<string>>();
  if (at.schedule.node.span.uri !== analysis.uri) byFile.set(at.schedule.node.span.uri, new Set());
  for (const src of Object.values(at.schedule.argSources)) {
    if (src.node.span.uri === analysis.uri) continue;
    if (!byFile.has(src.node.span.uri)) byFile.set(src.node.span.uri, new Set());
    byFile.get(src.node.span.uri)!.add(src.key);
  }
  if (byFile.size === 0) return undefined;
  const parts = [...byFile].map(([uri, keys]) => (keys.size ? `${md(fileLabel(uri))} (${[...keys].map((k) => md(k)).join(", ")})` : md(fileLabel(uri))));
  return `Inherited from ${parts.join("; ")}.`;
}

