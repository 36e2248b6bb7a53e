/** The CLI's view of its process (streams, cwd, environment), injected so `execute` can run in tests and never exits by itself. */

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colour is only used then, unless forced). */
  isTTY: boolean;
  /** The bundled CLI script, when worker threads can run it (set by the real binary; tests in-process leave it out). */
  workerScript?: string;
}
