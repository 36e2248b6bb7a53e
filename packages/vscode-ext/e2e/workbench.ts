/** Small helpers to drive the VS Code workbench in the browser: open a file, run a command, read editor lines, find the webview. */
import type { FrameLocator, Locator, Page } from "playwright-core";

export function editor(page: Page): Locator {
  return page.locator(".editor-instance .monaco-editor").first();
}

/** Opens a workspace file from the Explorer and waits for a line of it to show. */
export async function openFile(page: Page, name: string, lineText: string): Promise<void> {
  const row = page.locator(".explorer-folders-view .monaco-list-row", { hasText: name });
  await row.waitFor({ timeout: 60_000 });
  await row.dblclick();
  await editor(page).locator(".view-line", { hasText: lineText }).first().waitFor({ timeout: 30_000 });
}

/** Runs a command from the Command Palette by its full title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".quick-input-widget").waitFor({ state: "hidden" });
}

/** The editor's visible text, one string per view line, top to bottom. */
export async function editorLines(page: Page): Promise<string[]> {
  return editor(page)
    .locator(".view-line")
    .evaluateAll((els) =>
      els
        .map((el) => ({ top: parseFloat((el as HTMLElement).style.top || "0"), text: (el.textContent ?? "").replace(/\u00a0/g, " ") }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text),
    );
}

/** The view line containing `text`. */
export function viewLine(page: Page, text: string): Locator {
  return editor(page).locator(".view-line", { hasText: text }).first();
}

/** Where the inline preview icons are: the boxes of spans whose `::after` shows a data: SVG, with their line's text. */
export async function inlineIcons(page: Page): Promise<{ x: number; y: number; width: number; height: number; line: string; content: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".monaco-editor .view-lines .view-line span")]
      .map((el) => ({ el, content: getComputedStyle(el, "::after").content }))
      .filter(({ content }) => content.includes("data:image/svg+xml"))
      .map(({ el, content }) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, line: el.closest(".view-line")?.textContent ?? "", content: content.slice(0, 80) };
      }),
  );
}

/** Closes notification toasts so they do not cover what the test looks at. */
export async function dismissNotifications(page: Page): Promise<void> {
  for (const b of await page.locator(".notification-toast .codicon-notifications-clear").all()) await b.click().catch(() => {});
}

/** The content frame of the visible webview panel (hidden panels keep their frames in the DOM). */
export function webviewFrame(page: Page): FrameLocator {
  return page.locator("iframe.webview.ready").filter({ visible: true }).first().contentFrame().frameLocator("iframe#active-frame");
}

/** Picks an entry of the open action widget (quick fixes) with the keyboard: clicks there wait forever on its animation. */
export async function chooseAction(page: Page, label: RegExp): Promise<void> {
  const rows = page.locator(".action-widget .monaco-list-row.action");
  await rows.first().waitFor({ timeout: 20_000 });
  const count = await rows.count();
  for (let i = 0; i <= count; i++) {
    const focused = (await page.locator(".action-widget .monaco-list-row.action.focused").getAttribute("aria-label")) ?? "";
    if (label.test(focused)) {
      await page.keyboard.press("Enter");
      await page.locator(".action-widget").waitFor({ state: "hidden" });
      return;
    }
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`no action matching ${label} in: ${(await rows.allInnerTexts()).join(" | ")}`);
}

/** Replaces the text of line `lineNumber` (1-based) after its indentation, typing like a user, via Go to Line. */
export async function retypeLine(page: Page, fileName: string, lineNumber: number, text: string): Promise<void> {
  await page.locator(".tabs-container .tab", { hasText: fileName }).first().click();
  await page.keyboard.press("Control+G");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await input.fill(`:${lineNumber}`);
  await page.keyboard.press("Enter");
  await page.locator(".quick-input-widget").waitFor({ state: "hidden" });
  await page.keyboard.press("End");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.type(text);
}
