/** Starts a real VS Code (code-server) with the packaged extension installed in throw-away dirs, and a headless Chromium on it. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export interface Session {
  page: Page;
  browser: Browser;
  /** The copy of the fixture workspace VS Code has open (edits land here, never in the repo). */
  workspace: string;
  extensionsDir: string;
  logFile: string;
  url: string;
  /** Requests that left 127.0.0.1 (there must be none: no remote resources). */
  offHost: Set<string>;
  close(): Promise<void>;
}

export interface SessionOptions {
  codeServer: string;
  chromium: string;
  vsix: string;
  fixtureDir: string;
  keep?: boolean;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
    srv.on("error", reject);
  });
}

/** Polls until the URL answers 2xx; code-server answers /healthz about a second after it starts. */
async function waitHttp(url: string, timeoutMs: number, server: ChildProcess): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timeout waiting for ${url}`);
}

/** Settings that keep the workbench quiet, offline and deterministic (dark theme: the sparkline colour the test looks for). */
const USER_SETTINGS = {
  "workbench.colorTheme": "Default Dark Modern",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "chat.commandCenter.enabled": false,
  "editor.hover.delay": 200,
  "editor.minimap.enabled": false,
  "window.commandCenter": false,
  "files.autoSave": "off",
};

export async function startSession(options: SessionOptions): Promise<Session> {
  const tmp = mkdtempSync(join(tmpdir(), "lrlens-e2e-"));
  const userData = join(tmp, "user-data");
  const extensionsDir = join(tmp, "extensions");
  const workspace = join(tmp, "workspace");
  const logFile = join(tmp, "code-server.log");
  mkdirSync(join(userData, "User"), { recursive: true });
  writeFileSync(join(userData, "User", "settings.json"), JSON.stringify(USER_SETTINGS, null, 2));
  cpSync(options.fixtureDir, workspace, { recursive: true });
  // No marketplace (EXTENSIONS_GALLERY={}), and temp files of VS Code's helpers inside the run dir.
  const env = { ...process.env, TMPDIR: tmp, EXTENSIONS_GALLERY: "{}" };
  const baseArgs = ["--user-data-dir", userData, "--extensions-dir", extensionsDir, "--config", join(tmp, "config.yaml")];
  execFileSync(options.codeServer, [...baseArgs, "--install-extension", options.vsix], { env, encoding: "utf8", timeout: 120_000 });
  const listed = execFileSync(options.codeServer, [...baseArgs, "--list-extensions", "--show-versions"], { env, encoding: "utf8", timeout: 60_000 });
  if (!/lrlens\.lrlens@0\.1\.0/.test(listed)) throw new Error(`the extension did not install: ${listed}`);

  const port = await freePort();
  const server = spawn(
    options.codeServer,
    [...baseArgs, "--auth", "none", "--bind-addr", `127.0.0.1:${port}`, "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override", "--ignore-last-opened", workspace],
    // Its own process group, so the extension host and the language server it forks end with it.
    { env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  const log = createWriteStream(logFile);
  server.stdout!.pipe(log);
  server.stderr!.pipe(log);
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => {});
    if (server.exitCode === null && server.pid !== undefined) {
      const exited = new Promise((r) => server.once("exit", r));
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        server.kill("SIGTERM");
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    if (!options.keep) rmSync(tmp, { recursive: true, force: true });
  };
  try {
    await waitHttp(`http://127.0.0.1:${port}/healthz`, 60_000, server);
    browser = await chromium.launch({
      executablePath: options.chromium,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const offHost = new Set<string>();
    page.on("request", (r) => {
      const u = r.url();
      if (!/^(data|blob|about|chrome-extension):/.test(u) && !u.startsWith(`http://127.0.0.1:${port}/`) && !/^https?:\/\/[^/]*vscode-cdn\.net\//.test(u)) offHost.add(u.slice(0, 120));
    });
    await page.goto(url);
    await page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
    return { page, browser, workspace, extensionsDir, logFile, url, offHost, close };
  } catch (error) {
    await close();
    throw error;
  }
}
