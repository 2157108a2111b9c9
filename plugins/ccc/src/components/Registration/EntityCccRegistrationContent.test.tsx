import { Entity } from '@backstage/catalog-model';
import { translationApiRef } from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { PHONE_STATES } from '@internal/plugin-ccc-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, makeSystem, responseError } from '../../__testUtils__/fakes';
import { germanTranslationApi } from '../../__testUtils__/germanTranslationApi';
import { makePhone, makeTrunk } from '../../__testUtils__/monitoringFakes';
import { cccApiRef } from '../../api/CccApi';
import { EntityCccRegistrationContent } from './EntityCccRegistrationContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'berlin-hq', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
  spec: { type: 'pbx', owner: 'group:default/telephony' },
};

// One phone in each of the manual's eight states.
const phones = PHONE_STATES.map((status, i) =>
  makePhone({ id: `ph-${i}`, name: `Phone ${i}`, status, macAddress: `00:09:52:AA:BB:0${i}` }),
);
const trunks = [
  makeTrunk(),
  makeTrunk({
    id: 'tr-2',
    accountName: 'Backup line',
    providerName: 'Sipgate',
    stunState: 'stun_offline',
    registrationState: 'registered_unencrypted',
  }),
  makeTrunk({
    id: 'tr-3',
    accountName: 'Fax',
    providerName: 'Easybell',
    stunState: 'config_error',
    registrationState: 'not_registered',
  }),
];

function renderTab(api: ReturnType<typeof fakeCccApi>, extraApis: any[] = []) {
  renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityCccRegistrationContent />
    </EntityProvider>,
    {
      apis: [[cccApiRef, api], [permissionApiRef, mockApis.permission()], ...extraApis] as any,
    },
  );
}

function apiWithRegistration() {
  const api = fakeCccApi();
  api.getSystemBySerial.mockResolvedValue(makeSystem());
  api.getRegistration.mockResolvedValue({ phones, trunks });
  return api;
}

/** The cells of the row headed by `name` in `table`. */
const cellsOf = (table: HTMLElement, name: string) =>
  within(within(table).getByRole('rowheader', { name }).closest('tr')!).getAllByRole('cell');

describe('EntityCccRegistrationContent', () => {
  it('lists the phones with MAC address, model and each of the eight states in words', async () => {
    const api = apiWithRegistration();
    renderTab(api);

    const table = await screen.findByRole('table', { name: 'Phones' });
    expect(api.getRegistration).toHaveBeenCalledWith('sys-1');
    expect(within(table).getAllByRole('rowheader')).toHaveLength(8);
    const first = cellsOf(table, 'Phone 0');
    expect(first[0]).toHaveTextContent('00:09:52:AA:BB:00');
    expect(first[1]).toHaveTextContent('Auerswald COMfortel D-400');
    const states = PHONE_STATES.map((_state, i) => cellsOf(table, `Phone ${i}`)[2].textContent);
    expect(states).toEqual([
      'No provisioning file',
      'Provisioning not done yet',
      'Provisioning done',
      'Registered – encrypted',
      'Registered – unencrypted',
      'Not registered yet',
      'Unknown',
      'Phone connected',
    ]);
    expect(screen.getByText(/^Read from the COMtrexx at /)).toBeInTheDocument();
  });

  it('lists the provider accounts with STUN state, registration state and encryption', async () => {
    renderTab(apiWithRegistration());

    const table = await screen.findByRole('table', { name: 'Providers and accounts' });
    expect(cellsOf(table, 'Main line').map(c => c.textContent)).toEqual([
      'Telekom',
      'STUN connected',
      'Account registered – encrypted',
      'Encrypted',
    ]);
    expect(cellsOf(table, 'Backup line').map(c => c.textContent)).toEqual([
      'Sipgate',
      'STUN offline',
      'Account registered – unencrypted',
      'Not encrypted',
    ]);
    expect(cellsOf(table, 'Fax').map(c => c.textContent)).toEqual([
      'Easybell',
      'Configuration error',
      'Not registered',
      '—',
    ]);
  });

  it('filters each list by what is typed, including state texts and MAC addresses without colons', async () => {
    const user = userEvent.setup();
    renderTab(apiWithRegistration());

    const phonesTable = await screen.findByRole('table', { name: 'Phones' });
    await user.type(screen.getByRole('textbox', { name: 'Filter phones' }), 'unencrypted');
    expect(
      within(phonesTable)
        .getAllByRole('rowheader')
        .map(r => r.textContent),
    ).toEqual(['Phone 4']);
    await user.clear(screen.getByRole('textbox', { name: 'Filter phones' }));
    await user.type(screen.getByRole('textbox', { name: 'Filter phones' }), '000952aabb07');
    expect(
      within(phonesTable)
        .getAllByRole('rowheader')
        .map(r => r.textContent),
    ).toEqual(['Phone 7']);
    await user.type(screen.getByRole('textbox', { name: 'Filter phones' }), 'x');
    expect(within(phonesTable).getByText('Nothing matches "000952aabb07x".')).toBeInTheDocument();

    const trunksTable = screen.getByRole('table', { name: 'Providers and accounts' });
    await user.type(screen.getByRole('textbox', { name: 'Filter providers and accounts' }), 'sipgate');
    expect(
      within(trunksTable)
        .getAllByRole('rowheader')
        .map(r => r.textContent),
    ).toEqual(['Backup line']);
  });

  it('uses the words of the manual in German', async () => {
    renderTab(apiWithRegistration(), [[translationApiRef, germanTranslationApi()]]);

    const table = await screen.findByRole('table', { name: 'Telefone' });
    const states = PHONE_STATES.map((_state, i) => cellsOf(table, `Phone ${i}`)[2].textContent);
    expect(states).toEqual([
      'Keine Provisioning-Datei',
      'Provisioning noch nicht erfolgt',
      'Provisioning erfolgt',
      'Registrierung erfolgt – verschlüsselt',
      'Registrierung erfolgt – unverschlüsselt',
      'Registrierung noch nicht erfolgt',
      'Unbekannt',
      'Telefon angeschlossen',
    ]);
    const trunkTable = screen.getByRole('table', { name: 'Provider und Accounts' });
    expect(cellsOf(trunkTable, 'Backup line')[2]).toHaveTextContent('Account registriert – unverschlüsselt');
    expect(cellsOf(trunkTable, 'Fax')[2]).toHaveTextContent('Nicht registriert');
  });

  it('says when nothing is set up', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.getRegistration.mockResolvedValue({ phones: [], trunks: [] });
    renderTab(api);

    expect(await screen.findByText('No phones are set up on this COMtrexx.')).toBeInTheDocument();
    expect(screen.getByText('No provider accounts are set up on this COMtrexx.')).toBeInTheDocument();
  });

  it("shows the device's sentence when it cannot be read, and tries again", async () => {
    const user = userEvent.setup();
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.getRegistration
      .mockRejectedValueOnce(await responseError(502, 'The COMtrexx did not answer'))
      .mockResolvedValue({ phones: [makePhone()], trunks: [] });
    renderTab(api);

    expect(
      await screen.findByText('The registration status could not be read: The COMtrexx did not answer'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('rowheader', { name: 'Reception' })).toBeInTheDocument();
  });
});
