/** Messages between the extension and the preview webview, and the state the webview persists across reloads. */
import type { CurveSchedule } from "../../lsp/src/protocol";

export const PREVIEW_VIEW_TYPE = "lrlens.preview";

/** What the webview keeps with `vscode.setState`, and the serializer gets back after a reload. */
export interface PreviewState {
  /** The config the panel shows. */
  uri: string;
  logScale: boolean;
  /** The schedule to scroll to (from a code lens or hover link). */
  focusPath?: string;
}

export type ToWebview =
  | { type: "update"; uri: string; fileName: string; schedules: CurveSchedule[]; focusPath?: string; logScale?: boolean }
  | { type: "status"; message: string };

export type FromWebview =
  | { type: "ready" }
  | { type: "log-scale"; value: boolean }
  | { type: "reveal"; index: number }
  | { type: "export-png"; index: number; dataUrl: string }
  | { type: "export-csv"; index: number };

/** Narrows an untrusted message from the webview to a known one (the webview is ours, but its input is a config's text). */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const m = raw as Record<string, unknown>;
  const index = typeof m.index === "number" && Number.isInteger(m.index) && m.index >= 0 ? m.index : undefined;
  switch (m.type) {
    case "ready":
      return { type: "ready" };
    case "log-scale":
      return typeof m.value === "boolean" ? { type: "log-scale", value: m.value } : undefined;
    case "reveal":
    case "export-csv":
      return index !== undefined ? { type: m.type, index } : undefined;
    case "export-png":
      return index !== undefined && typeof m.dataUrl === "string" && m.dataUrl.startsWith("data:image/png;base64,")
        ? { type: "export-png", index, dataUrl: m.dataUrl }
        : undefined;
    default:
      return undefined;
  }
}

/** The PNG bytes of a `data:image/png;base64,…` URL, or undefined when it is not one. */
export function pngBytesFromDataUrl(dataUrl: string): Uint8Array | undefined {
  const prefix = "data:image/png;base64,";
  if (!dataUrl.startsWith(prefix)) return undefined;
  const b64 = dataUrl.slice(prefix.length);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return undefined;
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // Every PNG starts with the same 8-byte signature.
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return sig.every((b, i) => bytes[i] === b) ? bytes : undefined;
}

/** A state read back from a reload, checked (it is whatever the webview last stored). */
export function parsePreviewState(raw: unknown): PreviewState | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const s = raw as Record<string, unknown>;
  if (typeof s.uri !== "string" || s.uri === "") return undefined;
  return { uri: s.uri, logScale: s.logScale === true, ...(typeof s.focusPath === "string" ? { focusPath: s.focusPath } : {}) };
}
