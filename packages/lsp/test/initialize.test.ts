import type { InitializeParams } from "vscode-languageserver";
import { describe, expect, it } from "vitest";
import { clientCapabilities, initialSettings, workspaceFolderPaths } from "../src/initialize";
import { parseSettings } from "../src/settings";

const base = { processId: null, rootUri: null, capabilities: {} } as unknown as InitializeParams;

describe("initialize", () => {
  it("reads every workspace folder of a multi-root workspace", () => {
    const params = { ...base, workspaceFolders: [{ uri: "file:///a/ocr", name: "ocr" }, { uri: "file:///b/det", name: "det" }] };
    expect(workspaceFolderPaths(params)).toEqual(["/a/ocr", "/b/det"]);
  });

  it("falls back to rootUri, then rootPath, and to none for a folderless client", () => {
    expect(workspaceFolderPaths({ ...base, rootUri: "file:///r" })).toEqual(["/r"]);
    expect(workspaceFolderPaths({ ...base, rootPath: "/p" } as InitializeParams)).toEqual(["/p"]);
    expect(workspaceFolderPaths(base)).toEqual([]);
  });

  it("offers the show-curve command only to clients that have it", () => {
    expect(clientCapabilities({ ...base, clientInfo: { name: "Neovim" } }).showCurve).toBe(false);
    expect(clientCapabilities({ ...base, clientInfo: { name: "Neovim" }, initializationOptions: { supportsShowCurve: true } }).showCurve).toBe(true);
    expect(clientCapabilities({ ...base, clientInfo: { name: "Visual Studio Code" } }).showCurve).toBe(true);
    expect(clientCapabilities({ ...base, clientInfo: { name: "code-server" }, initializationOptions: { supportsShowCurve: false } }).showCurve).toBe(false);
  });

  it("reads snippet and code action resolve support from the capabilities", () => {
    const caps = { textDocument: { completion: { completionItem: { snippetSupport: true } }, codeAction: { resolveSupport: { properties: ["edit"] } } } };
    expect(clientCapabilities({ ...base, capabilities: caps })).toMatchObject({ snippets: true, codeActionResolve: true });
    expect(clientCapabilities(base)).toMatchObject({ snippets: false, codeActionResolve: false });
  });

  it("accepts initial settings in the shapes clients send them", () => {
    const wanted = { stepsPerEpoch: 1254 };
    for (const shape of [{ settings: { lrlens: wanted } }, { lrlens: wanted }, wanted, { settings: wanted }]) {
      expect(parseSettings(initialSettings(shape)).stepsPerEpoch).toBe(1254);
    }
    expect(parseSettings(initialSettings(null)).stepsPerEpoch).toBeUndefined();
  });
});
