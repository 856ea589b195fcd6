import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

export const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));

export const PHONE = { width: 390, height: 844 };
export const PROJECTOR = { width: 1920, height: 1080 };
export const LAPTOP = { width: 1440, height: 900 };

/**
 * A host name that is not loopback, so a page loaded from it over http is not a secure
 * context (as on a phone in a hall); the browser itself resolves it to 127.0.0.1.
 */
export const HALL_HOST = "hall.test";

/**
 * Debian's chromium, driven by playwright-core (no downloaded browser). The flags keep it
 * from calling out to Google's services, which this machine's closed network refuses.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--host-resolver-rules=MAP ${HALL_HOST} 127.0.0.1`,
    ],
  });
}

/**
 * Saves a screenshot under test-artifacts/screenshots as a test artifact: the full page, or
 * only the viewport (a dialog over a long page).
 */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  const dir = join(ARTIFACTS, "screenshots");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  // Finished transitions: a bar mid-animation would show a count that is not there.
  await page.screenshot({ path, fullPage, animations: "disabled" });
  return path;
}

/** The built client the server serves; `npm test` builds it before the tests run. */
export const CLIENT_DIR = fileURLToPath(new URL("../../dist/client/", import.meta.url));
