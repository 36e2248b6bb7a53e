/**
 * An independent reader of the server's stdout for the fuzzer: splits the byte stream into
 * `Content-Length` frames itself (not through vscode-jsonrpc, which would hide a bad frame) and
 * reports every frame that is not well-formed JSON-RPC 2.0, plus each valid message for statistics.
 */

export interface WireMessage {
  jsonrpc: string;
  id?: number | string | null;
  method?: string;
  params?: any;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** Why a message is malformed, or undefined when it is a valid request, notification or response. */
export function jsonRpcProblem(m: unknown): string | undefined {
  if (!m || typeof m !== "object" || Array.isArray(m)) return "not a JSON object";
  const msg = m as Record<string, unknown>;
  if (msg.jsonrpc !== "2.0") return `jsonrpc is ${JSON.stringify(msg.jsonrpc)}`;
  const idOk = msg.id === undefined || msg.id === null || typeof msg.id === "number" || typeof msg.id === "string";
  if (!idOk) return "id is neither number nor string";
  if (typeof msg.method === "string") {
    if ("result" in msg || "error" in msg) return "a request or notification that carries result/error";
    return undefined;
  }
  if (msg.id === undefined) return "neither method nor id";
  const hasResult = "result" in msg;
  const hasError = "error" in msg;
  if (hasResult === hasError) return "a response needs exactly one of result and error";
  if (hasError) {
    const e = msg.error as Record<string, unknown> | null;
    if (!e || !Number.isInteger(e.code) || typeof e.message !== "string") return "error without integer code and string message";
  }
  return undefined;
}

/** Incremental frame splitter: feed it stdout chunks; it calls back per message or problem. */
export class WireReader {
  private buf: Buffer = Buffer.alloc(0);

  constructor(
    private readonly onMessage: (m: WireMessage) => void,
    private readonly onProblem: (problem: string) => void,
  ) {}

  feed(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buf.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const header = this.buf.subarray(0, headerEnd).toString("ascii");
      const fields = header.split("\r\n");
      const lengthField = fields.find((f) => /^content-length:/i.test(f));
      const length = lengthField ? Number(lengthField.slice(lengthField.indexOf(":") + 1).trim()) : NaN;
      const bad = fields.find((f) => !/^[A-Za-z-]+: .+$/.test(f));
      if (!Number.isInteger(length) || length < 0 || bad !== undefined) {
        this.onProblem(`bad header ${JSON.stringify(header.slice(0, 200))}`);
        this.buf = Buffer.alloc(0);
        return;
      }
      if (this.buf.length < headerEnd + 4 + length) return;
      const body = this.buf.subarray(headerEnd + 4, headerEnd + 4 + length);
      this.buf = this.buf.subarray(headerEnd + 4 + length);
      let parsed: unknown;
      try {
        parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
      } catch (e) {
        this.onProblem(`body is not UTF-8 JSON (${e instanceof Error ? e.message : String(e)}): ${body.subarray(0, 120).toString("latin1")}`);
        continue;
      }
      const problem = jsonRpcProblem(parsed);
      if (problem) this.onProblem(`${problem}: ${JSON.stringify(parsed).slice(0, 200)}`);
      else this.onMessage(parsed as WireMessage);
    }
  }
}
