import { Browser, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appUrl, eventually, launchBrowser, signInAsGuest } from './browser';

const simulatorUrl = process.env.CCC_E2E_SIMULATOR_URL ?? 'http://127.0.0.1:7008';
const artifacts = join(__dirname, '..', '.data', 'e2e-artifacts');
const repoRoot = join(__dirname, '..');

/**
 * The tabs of a paired demo COMtrexx on its catalog entity page: monitoring
 * charts and registration status with data from the simulator, and a backup
 * restored through the UI with the device restarting and coming back.
 */
// Waiting for polls and a restart takes minutes, not the two of the default.
jest.setTimeout(420_000);

describe('the tabs of a simulated COMtrexx', () => {
  let browser: Browser;
  let page: Page;
  let entityUrl: string;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    // Device 0 of the demo fleet is paired, has maintenance, current firmware and remote backup set up.
    const fleet = (await (await fetch(`${simulatorUrl}/fleet`)).json()).data as Array<{ serialNumber: string }>;
    const serial = fleet[0].serialNumber;
    // Allow recording on the device, as an admin would on site.
    execFileSync(
      'node',
      ['packages/comtrexx-simulator/bin/comtrexx-simulator', 'fault', '--serial', serial, '--monitoring', 'on', '--url', simulatorUrl],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    entityUrl = `${appUrl}/catalog/default/resource/ccc-${serial.toLowerCase()}`;
    await signInAsGuest(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the registration status read from the device', async () => {
    await page.goto(`${entityUrl}/ccc-registration`);
    await eventually(page, () => page.getByRole('table', { name: 'Providers and accounts' }).waitFor({ timeout: 5000 }), 120_000);
    await page.getByRole('table', { name: 'Phones' }).waitFor();
    // At least one phone row with a state in words.
    await page.getByText(/Registered – (en|un)crypted|Provisioning done|Phone connected|Not registered yet/).first().waitFor();
    await page.screenshot({ path: join(artifacts, 'registration-tab.png'), fullPage: true });
  });

  it('shows CPU and memory charts once samples are collected', async () => {
    await page.goto(`${entityUrl}/ccc-monitoring`);
    await eventually(page, () => page.getByText('CPU load').first().waitFor({ timeout: 5000 }), 180_000);
    await page.getByText('Memory use').first().waitFor();
    await page.screenshot({ path: join(artifacts, 'monitoring-tab.png'), fullPage: true });
  });

  it('restores a backup and follows the PBX through its restart until it is back', async () => {
    await page.goto(`${entityUrl}/ccc-backup`);
    await eventually(page, () => page.getByRole('button', { name: /^Restore the backup of/ }).first().waitFor({ timeout: 5000 }), 120_000);
    await page.getByRole('button', { name: /^Restore the backup of/ }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Restore and restart' }).click();
    await page.getByText('The backup was restored and the PBX is back.').waitFor({ timeout: 300_000 });
    await page.screenshot({ path: join(artifacts, 'backup-restored.png'), fullPage: true });
  });
});
