/**
 * Settings per resource: pulled with `workspace/configuration` (section `lrlens`) and cached until
 * `didChangeConfiguration`; clients without that capability get pushed settings,
 * `initializationOptions.settings`, or the defaults.
 */
import type { Connection } from "vscode-languageserver";
import { parseSettings, type Settings } from "./settings";

/** A client that never answers `workspace/configuration` must not stall diagnostics forever. */
const PULL_TIMEOUT_MS = 3000;

export class Configuration {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Settings a client pushed in `didChangeConfiguration` or `initializationOptions`. */
  private pushed: unknown;
  private canPull = false;

  constructor(private readonly connection: Pick<Connection, "workspace">) {}

  /** At `initialize`: whether the client answers `workspace/configuration`, and the settings it sent along. */
  initialize(canPull: boolean, initial: unknown): void {
    this.canPull = canPull;
    this.pushed = initial;
    this.cache.clear();
  }

  /** Settings for a document (or the window when `uri` is undefined). */
  get(uri: string | undefined): Promise<Settings> {
    const key = uri ?? "";
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.canPull ? this.pull(uri) : Promise.resolve(parseSettings(this.pushed));
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** `didChangeConfiguration`: forget everything; a push-model client's payload becomes the new settings. */
  changed(pushedSettings: unknown): void {
    if (pushedSettings && typeof pushedSettings === "object" && "lrlens" in pushedSettings) {
      this.pushed = (pushedSettings as { lrlens: unknown }).lrlens;
    }
    this.cache.clear();
  }

  /** Drops a closed document's entry. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async pull(uri: string | undefined): Promise<Settings> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = await Promise.race([
        this.connection.workspace.getConfiguration(uri ? { scopeUri: uri, section: "lrlens" } : { section: "lrlens" }),
        new Promise((resolve) => {
          timer = setTimeout(() => resolve(undefined), PULL_TIMEOUT_MS);
          timer.unref?.();
        }),
      ]);
      // `null` (no such section) and garbage alike fall back to the pushed settings or defaults.
      return parseSettings(answer && typeof answer === "object" ? answer : this.pushed);
    } catch {
      return parseSettings(this.pushed);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}
