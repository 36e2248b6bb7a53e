/** `formatSpec`: a spec as the Python constructor chain Paddle's caller would write, in the class's signature order. */
import { lookupScheduler } from "./registry";
import { pyRepr } from "./engine/py-value";
import type { PyValue, SchedulerSpec } from "./types";

/** Lists longer than this print as `[1, 2, 3, 4, 5, ..., 4297, 4298, 4299] (4300 items)`, as the suites' `built` strings do. */
const LIST_SHORTEN_ABOVE = 10;

function formatValue(v: PyValue): string {
  if (v.type === "scheduler") return formatSpec(v.spec);
  if (v.type === "list" && v.items.length > LIST_SHORTEN_ABOVE) {
    const head = v.items.slice(0, 5).map(formatValue);
    const tail = v.items.slice(-3).map(formatValue);
    const [open, close] = v.tuple ? ["(", ")"] : ["[", "]"];
    return `${open}${[...head, "...", ...tail].join(", ")}${close} (${v.items.length} items)`;
  }
  if (v.type === "list") {
    const inner = v.items.map(formatValue).join(", ");
    if (!v.tuple) return `[${inner}]`;
    return v.items.length === 1 ? `(${inner},)` : `(${inner})`;
  }
  return pyRepr(v);
}

function isDefaultLastEpoch(name: string, v: PyValue): boolean {
  return name === "last_epoch" && v.type === "int" && v.value === -1;
}

/**
 * E.g. `LinearWarmup(MultiStepDecay(learning_rate=0.007, milestones=[300, 400], gamma=0.1), warmup_steps=2000, start_lr=0.0, end_lr=0.007)`.
 * Only the arguments present in the spec are printed (`last_epoch=-1` is left out), known ones in
 * the signature's order, unknown ones after them; floats as Python's repr, lambdas as their text.
 */
export function formatSpec(spec: SchedulerSpec): string {
  const def = lookupScheduler(spec.name);
  if (def?.format) return def.format(spec.args);
  const order = def ? def.params.map((p) => p.name) : [];
  const names = [...order.filter((n) => n in spec.args), ...Object.keys(spec.args).filter((n) => !order.includes(n))];
  const positional = def?.reprPositional ?? 0;
  const parts: string[] = [];
  for (const name of names) {
    const v = spec.args[name];
    if (isDefaultLastEpoch(name, v)) continue;
    const idx = order.indexOf(name);
    const text = formatValue(v);
    // A leading argument prints positionally only while every argument before it is present too.
    parts.push(idx >= 0 && idx < positional && parts.length === idx ? text : `${name}=${text}`);
  }
  return `${spec.name}(${parts.join(", ")})`;
}
