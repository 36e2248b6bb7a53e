/**
 * Pure URI arithmetic for `_BASE_` / `_base_` paths: resolve a path written in a config against the
 * including file's URI, without touching a file system.
 *
 * Accepted "URIs":
 * - real URIs with a scheme (`file:///home/u/a.yml`, `vscode-vfs://github/o/r/a.yml`, `untitled:x`):
 *   the path part is percent-encoded; segments taken from a config are encoded the way VS Code
 *   encodes them (everything except `A-Z a-z 0-9 - . _ ~` as `%XX`), existing segments are kept as given;
 * - plain absolute paths, as a caller with no URIs may pass them: POSIX (`/home/u/a.yml`) and Windows
 *   (`C:\x\a.yml`, `C:/x/a.yml`); results stay plain paths (no encoding, `/` separators, `\` read as `/`).
 */

interface SplitUri {
  /** `file://`, `vscode-vfs://github`, `untitled:`; `""` for a plain POSIX path, `C:` for a Windows one. */
  prefix: string;
  /** Path segments after the root (the root `/` itself is implied). */
  segments: string[];
  /** Whether segments are percent-encoded (real URIs) or raw (plain paths). */
  encoded: boolean;
  /** Whether the path starts at a root (`/`); opaque URIs such as `untitled:foo` do not. */
  rooted: boolean;
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]+):/;
const WINDOWS_DRIVE = /^([a-zA-Z]:)[\\/]/;

function split(uri: string): SplitUri {
  const scheme = SCHEME.exec(uri);
  if (scheme) {
    let rest = uri.slice(scheme[0].length).replace(/[?#].*$/s, "");
    let prefix = scheme[0];
    if (rest.startsWith("//")) {
      const slash = rest.indexOf("/", 2);
      const authorityEnd = slash < 0 ? rest.length : slash;
      prefix += rest.slice(0, authorityEnd);
      rest = rest.slice(authorityEnd);
    }
    const rooted = rest.startsWith("/");
    return { prefix, segments: rest.split("/").filter((s) => s !== ""), encoded: true, rooted };
  }
  const drive = WINDOWS_DRIVE.exec(uri);
  const prefix = drive ? drive[1] : "";
  const path = drive ? uri.slice(2).replace(/\\/g, "/") : uri;
  return { prefix, segments: path.split("/").filter((s) => s !== ""), encoded: false, rooted: path.startsWith("/") };
}

function join(u: SplitUri, segments: string[]): string {
  return u.prefix + (u.rooted ? "/" : "") + segments.join("/");
}

/** Drops `.` and applies `..` (never above the root, as the OS does). */
function normalise(segments: string[]): string[] {
  const out: string[] = [];
  for (const s of segments) {
    if (s === "." || s === "") continue;
    if (s === "..") out.pop();
    else out.push(s);
  }
  return out;
}

const utf8 = new TextEncoder();
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** Percent-encodes one raw path segment the way VS Code's URI does (UTF-8 bytes, upper-case hex). */
export function encodeSegment(segment: string): string {
  let out = "";
  for (const ch of segment) {
    if (UNRESERVED.test(ch)) out += ch;
    else for (const byte of utf8.encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The URI of the folder holding `uri` (no trailing slash, except for the root itself). */
export function dirnameUri(uri: string): string {
  const u = split(uri);
  return join(u, u.segments.slice(0, -1));
}

/** The file name of `uri`, decoded for display (`my config.yml`, not `my%20config.yml`). */
export function basenameUri(uri: string): string {
  const u = split(uri);
  const last = u.segments[u.segments.length - 1] ?? "";
  return u.encoded ? decodeSegment(last) : last;
}

function looksWindows(u: SplitUri): boolean {
  return /^[a-zA-Z]:$/.test(u.prefix) || (u.encoded && /^[a-zA-Z](:|%3A)$/i.test(u.segments[0] ?? ""));
}

/**
 * Resolves a path as written in a config (`../datasets/coco.yml`, raw, not encoded) against the URI of
 * the file that contains it, like Python's `os.path.join(os.path.dirname(file), path)` followed by the
 * OS's own `..` handling. An absolute path replaces the base's path but keeps its scheme and authority.
 * Drive letters and backslashes are only special when the base itself is a Windows path.
 */
export function resolveUri(baseUri: string, relativePath: string): string {
  const base = split(baseUri);
  const windows = looksWindows(base);
  // Backslashes separate folders only where Python runs on Windows; on POSIX they are part of a name.
  const rel = windows ? relativePath.replace(/\\/g, "/") : relativePath;
  const relDrive = windows ? /^([a-zA-Z]:)\//.exec(rel) : null;
  let prefix = base.prefix;
  let start: string[];
  let relPath = rel;
  if (relDrive) {
    if (base.encoded) start = [encodeSegment(relDrive[1].toLowerCase())];
    else {
      prefix = relDrive[1];
      start = [];
    }
    relPath = rel.slice(2);
  } else if (rel.startsWith("/")) {
    // On Windows a rooted path without a drive stays on the base's drive.
    start = windows && base.encoded ? base.segments.slice(0, 1) : [];
  } else start = base.segments.slice(0, -1);
  const added = relPath
    .split("/")
    .filter((s) => s !== "")
    .map((s) => (s === "." || s === ".." || !base.encoded ? s : encodeSegment(s)));
  // The drive segment of a Windows file: URI is a root: `..` never climbs above it.
  const fixed = windows && base.encoded && start.length > 0 ? 1 : 0;
  const rooted = base.rooted || rel.startsWith("/") || relDrive !== null;
  return join({ ...base, prefix, rooted }, [...start.slice(0, fixed), ...normalise([...start.slice(fixed), ...added])]);
}
