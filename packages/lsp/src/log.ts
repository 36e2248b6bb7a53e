/** The server's log, written to the client's output channel and filtered by `lrlens.server.logLevel`. */
import type { RemoteConsole } from "vscode-languageserver";

export type LogLevel = "error" | "warn" | "info" | "debug";

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export class Logger {
  private level: LogLevel = "info";

  constructor(private readonly console: Pick<RemoteConsole, "error" | "warn" | "info" | "log">) {}

  setLevel(level: LogLevel): void {
    this.level = level;
  }

  enabled(level: LogLevel): boolean {
    return RANK[level] <= RANK[this.level];
  }

  error(message: string): void {
    if (this.enabled("error")) this.console.error(message);
  }

  warn(message: string): void {
    if (this.enabled("warn")) this.console.warn(message);
  }

  info(message: string): void {
    if (this.enabled("info")) this.console.info(message);
  }

  debug(message: string): void {
    if (this.enabled("debug")) this.console.log(message);
  }
}
