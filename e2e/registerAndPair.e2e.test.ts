import { Browser, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appUrl, eventually, launchBrowser, signInAsGuest } from './browser';

const simulatorUrl = process.env.CCC_E2E_SIMULATOR_URL ?? 'http://127.0.0.1:7008';
const artifacts = join(__dirname, '..', '.data', 'e2e-artifacts');
const repoRoot = join(__dirname, '..');

describe('registering and pairing a COMtrexx', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });

  afterAll(async () => {
    await page?.screenshot({ path: join(artifacts, 'register-and-pair.png') });
    await browser?.close();
  });

  it('registers the unregistered simulated device, pairs it through the simulator and finds it in the catalog', async () => {
    // The demo pairs all simulated devices but the last one.
    const fleet = (await (await fetch(`${simulatorUrl}/fleet`)).json()).data as Array<{ serialNumber: string }>;
    const demoSerial = fleet[0].serialNumber;
    const serial = fleet[fleet.length - 1].serialNumber;

    await signInAsGuest(page);
    await page.getByRole('link', { name: 'COMtrexx' }).click();
    await eventually(page, () => page.getByRole('row', { name: new RegExp(demoSerial) }).waitFor({ timeout: 3000 }), 60_000);
    expect(await page.getByRole('row', { name: new RegExp(serial) }).count()).toBe(0);

    // Register: the dialog shows the confirmation code.
    await page.getByRole('button', { name: 'Register COMtrexx' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Name/ }).fill('E2E Filiale');
    await dialog.getByRole('textbox', { name: /Serial number/ }).fill(serial.toLowerCase());
    await dialog.getByRole('button', { name: 'Register', exact: true }).click();
    const token = (await dialog.getByTestId('pairing-token').textContent())?.trim();
    expect(token).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await page.screenshot({ path: join(artifacts, 'register-dialog-token.png') });
    await page.keyboard.press('Escape');

    // The admin confirms the code on the device (here: the simulator's CLI).
    const out = execFileSync(
      'node',
      ['packages/comtrexx-simulator/bin/comtrexx-simulator', 'confirm', '--serial', serial, '--token', token!, '--url', simulatorUrl],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(out).toMatch(/paired/);

    // The state turns to paired OK.
    await eventually(
      page,
      () =>
        page
          .getByRole('row', { name: new RegExp(serial) })
          .getByText('Paired', { exact: true })
          .waitFor({ timeout: 3000 }),
      30_000,
    );

    // The catalog module puts it into the catalog, owned by the guest user who registered it.
    const entityUrl = `${appUrl}/catalog/default/resource/ccc-${serial.toLowerCase()}`;
    await page.goto(entityUrl);
    await eventually(page, () => page.getByRole('heading', { name: 'E2E Filiale' }).first().waitFor({ timeout: 3000 }), 60_000);
    await page.getByText('Resource').first().waitFor();

    // Its COMtrexx tab shows the device as the CCC sees it.
    await page.goto(`${entityUrl}/ccc`);
    await page.getByText(serial).first().waitFor();
    await page.getByText('Paired', { exact: true }).first().waitFor();
    await page.screenshot({ path: join(artifacts, 'entity-comtrexx-tab.png') });
  });
});
