import { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appUrl, eventually, launchBrowser, signInAsGuest } from './browser';

const simulatorUrl = process.env.CCC_E2E_SIMULATOR_URL ?? 'http://127.0.0.1:7008';
const artifacts = join(__dirname, '..', '.data', 'e2e-artifacts');

/** What the simulator's fleet listing tells of a device (secrets left out by the simulator). */
interface FleetDevice {
  serialNumber: string;
  firmwareVersion: string;
  maintenance: { active: boolean };
  backup: { configured: boolean };
  firmware: { updateServerReachable: boolean };
}

// Waiting for collections and a firmware update through a restart takes minutes.
jest.setTimeout(600_000);

/**
 * The fleet tabs of the CCC page with the demo fleet: call data of every
 * system with its statistics, and a firmware rollout started in the dialog
 * and followed through the backup and the update to its end.
 */
describe('fleet tabs of the CCC page', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await signInAsGuest(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the call data of the whole fleet and their statistics', async () => {
    await page.goto(`${appUrl}/ccc/calldata`);
    // Rows arrive with the first call-data collection after the demo fleet is paired.
    await eventually(
      page,
      () => page.getByRole('table', { name: 'Call data' }).getByRole('row').nth(2).waitFor({ timeout: 5000 }),
      240_000,
    );
    await page.getByRole('tab', { name: 'Statistics' }).click();
    await page.getByText('Calls per hour of day').first().waitFor({ timeout: 60_000 });
    await page.getByText('Peak concurrent calls').first().waitFor();
    await page.screenshot({ path: join(artifacts, 'fleet-call-data-statistics.png'), fullPage: true });
  });

  it('runs a firmware rollout of one system from the dialog to its end', async () => {
    // A registered demo device (not device 0, whose backup another test restores; not the last,
    // which the demo leaves unregistered) that can be backed up and updated.
    const fleet = ((await (await fetch(`${simulatorUrl}/fleet`)).json()) as { data: FleetDevice[] }).data;
    const candidates = fleet
      .slice(3, fleet.length - 1)
      .filter(d => d.maintenance.active && d.backup.configured && d.firmware.updateServerReachable);
    const newest = fleet.map(d => d.firmwareVersion).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1);
    const device = candidates.find(d => d.firmwareVersion !== newest) ?? candidates[0];
    expect(device).toBeDefined();

    await page.goto(`${appUrl}/ccc/rollouts`);
    await page.getByRole('button', { name: 'New rollout' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(`E2E rollout ${device.serialNumber}`);
    await dialog.getByLabel('Pick systems').check();
    await dialog.getByLabel(new RegExp(device.serialNumber)).check();
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByText('1 system(s) in 1 wave(s)').waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Start rollout' }).click();

    // The new rollout opens, and its page follows it by itself: backed up, updated (or, on the
    // newest firmware already, skipped), and the rollout ends.
    await page.getByText(device.serialNumber).first().waitFor({ timeout: 30_000 });
    await page.getByText('Completed').first().waitFor({ timeout: 480_000 });
    await page.getByRole('cell', { name: /^(Updated|Skipped)/ }).first().waitFor();
    await page.screenshot({ path: join(artifacts, 'rollout-completed.png'), fullPage: true });
  });
});
