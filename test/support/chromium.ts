// Debian's chromium driven by playwright-core for the browser tests: one persistent context in a
// fresh profile folder, pages written to files and opened from there, every request recorded.
// Nothing ever downloads a browser: without /usr/bin/chromium the tests say they were skipped.

import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Where Debian installs chromium. */
export const CHROMIUM = "/usr/bin/chromium";

/** Whether chromium is installed. */
export const haveChromium = existsSync(CHROMIUM);

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"];

/** An open browser: `open` writes a page to a file and opens it; `close` ends the browser and removes its files. */
export interface Browser {
  open(name: string, html: string, hash?: string): Promise<{ page: Page; requests: string[] }>;
  close(): Promise<void>;
}

/** Starts chromium headless in a fresh profile, with a 1100×760 window. */
export async function startBrowser(): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), "htmldiff-browser-"));
  const context: BrowserContext = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1100, height: 760 },
  });
  return {
    async open(name, html, hash = "") {
      const file = join(dir, `${name}.html`);
      writeFileSync(file, html);
      const url = pathToFileURL(file).href;
      const page = await context.newPage();
      const requests: string[] = [];
      page.on("request", (request) => {
        if (request.url().split("#")[0] !== url && !request.url().startsWith("data:")) requests.push(request.url());
      });
      await page.goto(url + hash);
      return { page, requests };
    },
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
