/** A language status item for YAML files: whether the lrlens server is running, with a restart action. */
import * as vscode from "vscode";
import { State, type LanguageClient } from "vscode-languageclient/node";

export function createStatusItem(client: LanguageClient): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem("lrlens.server", { language: "yaml" });
  item.name = "lrlens";
  const show = (state: State) => {
    item.text = state === State.Running ? "lrlens" : state === State.Starting ? "lrlens: starting" : "lrlens: stopped";
    item.severity = state === State.Stopped ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.busy = state === State.Starting;
    item.command = { title: "Restart", command: "lrlens.restartServer" };
  };
  show(client.state);
  const sub = client.onDidChangeState((e) => show(e.newState));
  return { dispose: () => (sub.dispose(), item.dispose()) };
}
