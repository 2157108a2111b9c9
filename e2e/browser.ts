import { Browser, chromium, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';

/** Where the portal under test runs (scripts/e2e.sh starts it). */
export const appUrl = process.env.CCC_E2E_APP_URL ?? 'http://localhost:3000';

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
    encoding: 'utf8',
  }).trim();
}

/**
 * Launches Debian's Chromium headless, with a fresh profile (playwright makes
 * a temporary one per launch). The flags keep it from reaching for Google's
 * services, which this closed network refuses.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Opens the portal and signs in as guest. */
export async function signInAsGuest(page: Page): Promise<void> {
  await page.goto(appUrl);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('link', { name: 'COMtrexx' }).waitFor();
}

/** Reloads until `check` passes: polls and the catalog refresh run on their own schedules. */
export async function eventually(page: Page, check: () => Promise<unknown>, timeoutMs: number, pauseMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.waitForTimeout(pauseMs);
      await page.reload();
    }
  }
}
