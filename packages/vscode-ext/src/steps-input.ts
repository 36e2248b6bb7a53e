/** Validation of the "Set Steps per Epoch" input box: a positive integer, or empty to clear the setting. */

export type StepsInput = { ok: true; value: number | null } | { ok: false; message: string };

export function parseStepsPerEpochInput(text: string): StepsInput {
  const t = text.trim().replace(/[_,]/g, "");
  if (t === "") return { ok: true, value: null };
  if (!/^\d+$/.test(t)) return { ok: false, message: "Enter a whole number of training iterations per epoch (e.g. 250), or leave empty to clear." };
  const n = Number(t);
  if (n < 1) return { ok: false, message: "Steps per epoch must be at least 1." };
  if (!Number.isSafeInteger(n)) return { ok: false, message: "That number is too large." };
  return { ok: true, value: n };
}
