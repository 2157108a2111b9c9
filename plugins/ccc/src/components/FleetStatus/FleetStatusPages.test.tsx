import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactElement } from 'react';
import { fakeCccApi, makeSystem, responseError } from '../../__testUtils__/fakes';
import { makePhone, makeTrunk } from '../../__testUtils__/monitoringFakes';
import { cccApiRef } from '../../api/CccApi';
import { CccPageContent } from '../CccPage';
import { FleetPhonesPage } from './FleetPhonesPage';
import { FleetTrunksPage } from './FleetTrunksPage';

const berlin = makeSystem();
const hamburg = makeSystem({ id: 'sys-2', name: 'Hamburg Office', serialNumber: 'B2C3D4E5F6' });

function render(page: ReactElement, api: ReturnType<typeof fakeCccApi>, initialRouteEntries?: string[]) {
  renderInTestApp(page, {
    apis: [
      [cccApiRef, api],
      [permissionApiRef, mockApis.permission()],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': convertLegacyRouteRef(entityRouteRef) },
    initialRouteEntries,
  });
}

describe('Phones of the fleet', () => {
  it('lists the phones with their system, filters by system and state on the server, and pages', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi([hamburg, berlin]);
    api.listFleetPhones.mockResolvedValue({
      items: [makePhone(), makePhone({ systemId: 'sys-2', id: 'ph-9', name: 'Warehouse', status: 'not_registered' })],
      totalCount: 60,
    });
    render(<FleetPhonesPage />, api);

    const table = await screen.findByRole('table', { name: 'Phones' });
    expect(api.listFleetPhones).toHaveBeenCalledWith({ limit: 25, offset: 0 });
    const warehouse = within(within(table).getByRole('rowheader', { name: 'Warehouse' }).closest('tr')!);
    expect(await warehouse.findByRole('link', { name: 'Hamburg Office' })).toHaveAttribute(
      'href',
      '/catalog/default/resource/ccc-b2c3d4e5f6',
    );
    expect(warehouse.getByText('Not registered yet')).toBeInTheDocument();
    expect(screen.getByText('1–25 of 60')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(api.listFleetPhones).toHaveBeenLastCalledWith({ limit: 25, offset: 25 }));

    // Systems are offered by name; a new filter starts again at the first page.
    const systems = screen.getByRole('combobox', { name: 'System' });
    expect(
      within(systems)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['All systems', 'Berlin HQ', 'Hamburg Office']);
    await user.selectOptions(systems, 'Hamburg Office');
    await waitFor(() =>
      expect(api.listFleetPhones).toHaveBeenLastCalledWith({ systemId: 'sys-2', limit: 25, offset: 0 }),
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'Not registered yet');
    await waitFor(() =>
      expect(api.listFleetPhones).toHaveBeenLastCalledWith({
        systemId: 'sys-2',
        state: 'not_registered',
        limit: 25,
        offset: 0,
      }),
    );
  });

  it('has an empty state before any phone was read', async () => {
    render(<FleetPhonesPage />, fakeCccApi());
    expect(await screen.findByText('No phones known yet')).toBeInTheDocument();
  });

  it('says when nothing matches the filter', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi([berlin]);
    api.listFleetPhones.mockResolvedValueOnce({ items: [makePhone()], totalCount: 1 });
    render(<FleetPhonesPage />, api);

    await screen.findByRole('table', { name: 'Phones' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'Unknown');
    expect(await screen.findByText('No entry matches the filter.')).toBeInTheDocument();
  });

  it('shows why the list could not be loaded', async () => {
    const api = fakeCccApi();
    api.listFleetPhones.mockRejectedValue(await responseError(500, 'Database unavailable'));
    render(<FleetPhonesPage />, api);
    expect(await screen.findByText('The list could not be loaded: Database unavailable')).toBeInTheDocument();
  });
});

describe('Providers of the fleet', () => {
  it('lists the accounts and filters by STUN or registration state', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi([berlin]);
    api.listFleetTrunks.mockResolvedValue({
      items: [makeTrunk({ stunState: 'stun_failed', registrationState: 'registered_unencrypted' })],
      totalCount: 1,
    });
    render(<FleetTrunksPage />, api);

    const table = await screen.findByRole('table', { name: 'Providers and accounts' });
    const cells = within(within(table).getByRole('rowheader', { name: 'Main line' }).closest('tr')!).getAllByRole(
      'cell',
    );
    expect(cells.map(c => c.textContent).slice(1, 5)).toEqual([
      'Telekom',
      'STUN request failed',
      'Account registered – unencrypted',
      'Not encrypted',
    ]);

    const state = screen.getByRole('combobox', { name: 'State' });
    expect(within(state).getByRole('group', { name: 'STUN' })).toBeInTheDocument();
    await user.selectOptions(state, 'STUN offline');
    await waitFor(() =>
      expect(api.listFleetTrunks).toHaveBeenLastCalledWith({ state: 'stun_offline', limit: 25, offset: 0 }),
    );
  });
});

describe('CCC page tabs of the monitoring work', () => {
  it('has Health, Phones and Providers tabs under their own paths', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi([berlin]);
    api.getHealth.mockReturnValue(new Promise(() => {}));
    render(<CccPageContent />, api, ['/health']);

    expect(await screen.findByText('No systems to score')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Phones' }));
    expect(await screen.findByText('No phones known yet')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Providers' }));
    expect(await screen.findByText('No provider accounts known yet')).toBeInTheDocument();
    expect(api.listFleetTrunks).toHaveBeenCalled();
  });
});
