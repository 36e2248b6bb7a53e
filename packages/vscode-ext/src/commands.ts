/** The extension's commands: show the preview, set steps per epoch, toggle inline previews, fix all, restart the server. */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { restartServer } from "./client";
import { INLINE_PREVIEW_SETTING, type InlinePreviews } from "./decorations";
import type { PreviewPanels } from "./preview-panel";
import type { RestartPolicy } from "./restart-policy";
import { parseStepsPerEpochInput } from "./steps-input";

export interface CommandDeps {
  client: LanguageClient;
  policy: RestartPolicy;
  output: vscode.LogOutputChannel;
  inline: InlinePreviews;
  previews: PreviewPanels;
}

const FIX_ALL_KIND = "source.fixAll.lrlens";

/** The YAML document a command acts on: its argument (a URI or URI string), else the active (or only visible) YAML editor. */
function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === "string" && arg !== "") return vscode.Uri.parse(arg);
  const active = vscode.window.activeTextEditor;
  if (active?.document.languageId === "yaml") return active.document.uri;
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === "yaml")?.document.uri;
}

async function setStepsPerEpoch(deps: CommandDeps, arg: unknown): Promise<void> {
  const uri = targetUri(arg);
  const config = vscode.workspace.getConfiguration("lrlens", uri);
  const current = config.get<number | null>("stepsPerEpoch", null);
  const used = uri ? deps.inline.schedulesOf(uri)?.find((s) => s.stepsPerEpoch)?.stepsPerEpoch : undefined;
  const input = await vscode.window.showInputBox({
    title: "lrlens: Steps per Epoch",
    prompt: `Training iterations per epoch for this workspace (empty clears the setting).${used ? ` The current file uses ${used.value ?? "none"} (${used.source}).` : ""}`,
    value: current === null ? "" : String(current),
    validateInput: (text) => {
      const parsed = parseStepsPerEpochInput(text);
      return parsed.ok ? undefined : parsed.message;
    },
  });
  if (input === undefined) return;
  const parsed = parseStepsPerEpochInput(input);
  if (!parsed.ok) return;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update("stepsPerEpoch", parsed.value ?? undefined, target);
}

async function toggleInlinePreview(): Promise<void> {
  const config = vscode.workspace.getConfiguration("lrlens");
  const inspected = config.inspect<boolean>(INLINE_PREVIEW_SETTING);
  const next = !config.get<boolean>(INLINE_PREVIEW_SETTING, true);
  // Write where the effective value comes from, so the toggle is never shadowed by a more specific scope.
  const target = inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(INLINE_PREVIEW_SETTING, next, target);
  vscode.window.setStatusBarMessage(`lrlens: inline curve previews ${next ? "on" : "off"}`, 3000);
}

async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "yaml") {
    void vscode.window.showInformationMessage("lrlens: open a YAML config to fix its LR schedules.");
    return;
  }
  const document = editor.document;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", document.uri, whole, FIX_ALL_KIND, 1)) ?? [];
  const action = actions.find((a) => a.kind?.value === FIX_ALL_KIND) ?? actions[0];
  if (!action || (!action.edit && !action.command)) {
    vscode.window.setStatusBarMessage("lrlens: nothing to fix", 3000);
    return;
  }
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand("lrlens.showCurve", (arg?: unknown, path?: unknown) => {
      const uri = targetUri(arg);
      if (!uri) return void vscode.window.showInformationMessage("lrlens: open a YAML config to preview its LR schedules.");
      deps.previews.show(uri, typeof path === "string" ? path : undefined);
    }),
    vscode.commands.registerCommand("lrlens.setStepsPerEpoch", (arg?: unknown) => setStepsPerEpoch(deps, arg)),
    vscode.commands.registerCommand("lrlens.toggleInlinePreview", toggleInlinePreview),
    vscode.commands.registerCommand("lrlens.fixAll", fixAll),
    vscode.commands.registerCommand("lrlens.restartServer", () => restartServer(deps.client, deps.policy, deps.output)),
  ];
}
