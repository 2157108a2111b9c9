import { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, signInAsGuest } from './browser';

const artifacts = join(__dirname, '..', '.data', 'e2e-artifacts');

describe('CCC page in the portal', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchBrowser();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });

  afterEach(async () => {
    if (!page) return;
    await page.screenshot({ path: join(artifacts, `${expect.getState().currentTestName?.replace(/\W+/g, '-')}.png`) });
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs in as guest and opens the CCC page from the sidebar', async () => {
    await signInAsGuest(page);
    await page.getByRole('link', { name: 'COMtrexx' }).click();

    await page.waitForURL(/\/ccc$/);
    await page.getByRole('button', { name: 'Register COMtrexx' }).first().waitFor();

    // The backend answers through the app's authenticated fetch, and its
    // database and the simulator are reachable.
    const status = page.getByRole('table', { name: 'Backend status' });
    await status.locator('tr', { hasText: 'Database' }).filter({ hasText: 'OK' }).waitFor();
    await status.locator('tr', { hasText: 'Device gateway' }).filter({ hasText: 'OK' }).waitFor();
  });

  it('speaks German when the user chose German', async () => {
    // What the language switch in the user settings stores; the app must list
    // German as available and load the plugin's German messages.
    await page.addInitScript(() => window.localStorage.setItem('language', 'de'));
    await signInAsGuest(page);
    await page.getByRole('link', { name: 'COMtrexx' }).click();

    await page.getByRole('button', { name: 'COMtrexx registrieren' }).first().waitFor();
    await page.getByRole('table', { name: 'Status des Backends' }).locator('tr', { hasText: 'Datenbank' }).waitFor();
  });
});
