/** Entry point of the VS Code extension: wires the language client, inline previews, the preview panel and commands together. */
import * as vscode from "vscode";
import { State, type LanguageClient } from "vscode-languageclient/node";
import { createLanguageClient, curvesFetcher } from "./client";
import { registerCommands } from "./commands";
import { InlinePreviews } from "./decorations";
import { PreviewPanels } from "./preview-panel";
import { RestartPolicy } from "./restart-policy";
import { createStatusItem } from "./status-item";

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel("lrlens", { log: true });
  const policy = new RestartPolicy();
  // The client needs the inline previews (hover ownership) and the previews need the client: bind late.
  let inline: InlinePreviews | undefined;
  let previews: PreviewPanels | undefined;
  client = createLanguageClient(context, output, policy, {
    previewOwnsHover: (document, position) => inline?.ownsHover(document, position) ?? false,
    onAnalysed: (uri) => {
      inline?.onServerAnalysed(uri);
      previews?.onServerAnalysed(uri);
    },
  });
  const fetchCurves = curvesFetcher(client, output);
  inline = new InlinePreviews(fetchCurves, output);
  previews = new PreviewPanels(context.extensionUri, fetchCurves, output);

  context.subscriptions.push(
    output,
    inline,
    previews,
    createStatusItem(client),
    ...registerCommands({ client, policy, output, inline, previews }),
    // After every (re)start the new server knows nothing yet: fetch everything again.
    client.onDidChangeState((e) => {
      if (e.newState !== State.Running) return;
      inline?.refreshVisible(true);
      previews?.refreshAll(true);
    }),
  );
  client.start().catch((error: unknown) => {
    output.error(`The language server did not start: ${String(error)}`);
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
