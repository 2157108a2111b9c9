import { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appUrl, launchBrowser, signInAsGuest } from './browser';

const simulatorUrl = process.env.CCC_E2E_SIMULATOR_URL ?? 'http://127.0.0.1:7008';
const backendUrl = process.env.CCC_E2E_BACKEND_URL ?? 'http://localhost:7007';
const artifacts = join(__dirname, '..', '.data', 'e2e-artifacts');

/** Signs in through the ccc-demo provider the way the sign-in page does, and lists the systems that user sees. */
async function systemsSeenBy(user: string): Promise<string[]> {
  const session = await fetch(`${backendUrl}/api/auth/ccc-demo/refresh`, {
    headers: { 'x-ccc-demo-user': user, 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(session.status).toBe(200);
  const token = (await session.json()).backstageIdentity.token;
  const res = await fetch(`${backendUrl}/api/ccc/systems`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return ((await res.json()).items as Array<{ serialNumber: string }>).map(s => s.serialNumber);
}

/** Waits until the demo fleet is seeded (the backend does it after its start) and returns a seeded serial number. */
async function seededSerial(page: Page): Promise<string> {
  const fleet = (await (await fetch(`${simulatorUrl}/fleet`)).json()).data as Array<{ serialNumber: string }>;
  const serial = fleet[0].serialNumber;
  await signInAsGuest(page);
  await page.getByRole('link', { name: 'COMtrexx' }).click();
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await page.getByRole('row', { name: new RegExp(serial) }).waitFor({ timeout: 3000 });
      return serial;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.reload();
    }
  }
}

describe('demo users (development sign-in)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchBrowser();
  });

  beforeEach(async () => {
    // A new page is a new browser context: no sign-in remembered from another test.
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

  it('shows a demo user without rights none of the systems, and a fleet administrator all of them', async () => {
    const serial = await seededSerial(page);

    // Switch person: sign out in the settings, then choose eva on the sign-in page.
    await page.goto(`${appUrl}/settings`);
    await page.getByTestId('user-settings-menu').click();
    await page.getByTestId('sign-out').click();
    const eva = page.getByRole('button', { name: 'Sign in as eva' });
    await eva.waitFor();
    await page.screenshot({ path: join(artifacts, 'sign-in-page.png') });
    await eva.click();
    await page.getByRole('link', { name: 'COMtrexx' }).click();
    await page.getByRole('heading', { name: 'No COMtrexx registered yet' }).waitFor();
    expect(await page.getByRole('row', { name: new RegExp(serial) }).count()).toBe(0);

    // A reload keeps eva signed in.
    await page.reload();
    await page.getByRole('heading', { name: 'No COMtrexx registered yet' }).waitFor();

    // The same through the API, and anna (group fleet-admins) sees the whole fleet.
    expect(await systemsSeenBy('eva')).toEqual([]);
    expect(await systemsSeenBy('anna')).toContain(serial);
  });

  it('refuses identities the config does not list', async () => {
    const res = await fetch(`${backendUrl}/api/auth/ccc-demo/refresh`, {
      headers: { 'x-ccc-demo-user': 'user:default/nobody', 'X-Requested-With': 'XMLHttpRequest' },
    });
    expect(res.status).toBe(403);
  });
});
