import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { CccSystem } from '@internal/plugin-ccc-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, formatDate, formatDateTime, makeSystem, responseError } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { SystemsOverview } from './SystemsOverview';

const inOneDay = new Date(Date.now() + 24 * 3600_000).toISOString();

const fleet: CccSystem[] = [
  makeSystem({ id: 'ok', name: 'Berlin HQ', serialNumber: 'A1B2C3D4E5', firstRegisteredAt: '2026-03-01T10:00:00Z' }),
  makeSystem({
    id: 'pending',
    name: 'Hamburg Office',
    serialNumber: 'H4MB0RG0001',
    state: 'token_pending',
    paired: false,
    device: null,
    firstRegisteredAt: null,
    token: { code: 'K7Q2-9XPM-4TZD', expiresAt: inOneDay },
  }),
  makeSystem({
    id: 'restricted',
    name: 'Munich Branch',
    serialNumber: 'M0N1CH00002',
    state: 'paired_restricted',
    stateReason: 'maintenance_inactive',
    firstRegisteredAt: '2025-01-15T08:00:00Z',
  }),
  makeSystem({
    id: 'expired',
    name: 'Cologne Depot',
    serialNumber: 'C0L0GNE0003',
    state: 'error',
    stateReason: 'token_expired',
    paired: false,
    device: null,
    firstRegisteredAt: null,
  }),
  makeSystem({
    id: 'faulty',
    name: 'Dresden Lab',
    serialNumber: 'DR3SD3N0004',
    state: 'error',
    stateReason: 'device_error',
    stateMessage: 'Fan failure',
    firstRegisteredAt: '2024-05-20T12:00:00Z',
  }),
  makeSystem({ id: 'unknown', name: 'Essen Store', serialNumber: 'E55EN000005', state: 'unknown' }),
];

function renderOverview(systems: CccSystem[] = fleet) {
  const api = fakeCccApi(systems);
  renderInTestApp(<SystemsOverview />, {
    apis: [
      [cccApiRef, api],
      [permissionApiRef, mockApis.permission()],
    ],
  });
  return api;
}

/** The system names in table order. */
function shownNames(): string[] {
  return screen
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('rowheader')[0].textContent ?? '');
}

function rowOf(name: string): HTMLElement {
  return screen.getByRole('rowheader', { name }).closest('tr')!;
}

describe('SystemsOverview', () => {
  it('lists the systems with serial number, first registration and device state', async () => {
    renderOverview();

    expect(await screen.findByRole('rowheader', { name: 'Berlin HQ' })).toBeInTheDocument();
    const berlin = within(rowOf('Berlin HQ'));
    expect(berlin.getByText('A1B2C3D4E5')).toBeInTheDocument();
    expect(berlin.getByText(formatDate('2026-03-01T10:00:00Z'))).toBeInTheDocument();
    expect(berlin.getByText('Paired')).toBeInTheDocument();

    const hamburg = within(rowOf('Hamburg Office'));
    expect(hamburg.getByText('—')).toBeInTheDocument();
    expect(hamburg.getByText('Waiting for confirmation')).toBeInTheDocument();
    expect(hamburg.getByText('K7Q2-9XPM-4TZD')).toBeInTheDocument();
    expect(hamburg.getByText(`Valid until ${formatDateTime(inOneDay)}`)).toBeInTheDocument();

    expect(within(rowOf('Munich Branch')).getByText('Paired, restricted')).toBeInTheDocument();
    expect(within(rowOf('Munich Branch')).getByText('Maintenance must be activated')).toBeInTheDocument();
    expect(within(rowOf('Cologne Depot')).getByText('Confirmation code expired')).toBeInTheDocument();
    expect(within(rowOf('Cologne Depot')).getByRole('button', { name: 'Pair again' })).toBeInTheDocument();
    expect(within(rowOf('Dresden Lab')).getByText('The device reported an error: Fan failure')).toBeInTheDocument();
    // A device error is not fixed by pairing again.
    expect(within(rowOf('Dresden Lab')).queryByRole('button', { name: 'Pair again' })).not.toBeInTheDocument();
    expect(within(rowOf('Essen Store')).getByText('Unknown (?)')).toBeInTheDocument();
  });

  it('copies, renews and cancels a pending confirmation code', async () => {
    const user = userEvent.setup();
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const api = renderOverview();
    api.renewToken.mockResolvedValue({ code: 'NEW0-CODE-0001', expiresAt: inOneDay });
    const hamburg = within(
      await screen.findByRole('rowheader', { name: 'Hamburg Office' }).then(c => c.closest('tr')!),
    );

    await user.click(hamburg.getByRole('button', { name: 'Copy confirmation code' }));
    expect(writeText).toHaveBeenCalledWith('K7Q2-9XPM-4TZD');

    await user.click(hamburg.getByRole('button', { name: 'Renew' }));
    expect(api.renewToken).toHaveBeenCalledWith('pending');
    await waitFor(() => expect(api.listSystemsPage).toHaveBeenCalledTimes(2));

    await user.click(hamburg.getByRole('button', { name: 'Cancel' }));
    expect(api.cancelToken).toHaveBeenCalledWith('pending');
    await waitFor(() => expect(api.listSystemsPage).toHaveBeenCalledTimes(3));
  });

  it('pairs a system again and shows the new code with the steps', async () => {
    const user = userEvent.setup();
    const api = renderOverview();
    api.renewToken.mockResolvedValue({ code: 'PAIR-AGAI-N001', expiresAt: inOneDay });

    await user.click(await screen.findByRole('button', { name: 'Pair again' }));

    expect(api.renewToken).toHaveBeenCalledWith('expired');
    const dialog = await screen.findByRole('dialog', { name: 'Confirm the access on Cologne Depot' });
    expect(within(dialog).getByText('PAIR-AGAI-N001')).toBeInTheDocument();
    expect(within(dialog).getByText(/Valid for 24 hours, until/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Administration > Service > Externer Zugriff/)).toBeInTheDocument();
    await waitFor(() => expect(api.listSystemsPage).toHaveBeenCalledTimes(2));
  });

  it('shows why an action failed', async () => {
    const user = userEvent.setup();
    const refusal = await responseError(403, 'You may not change this system');
    const api = renderOverview();
    api.cancelToken.mockRejectedValue(refusal);

    await user.click(await screen.findByRole('button', { name: 'Cancel' }));

    expect(await screen.findByText('Hamburg Office: You may not change this system')).toBeInTheDocument();
  });

  it('edits a system from its row and reloads the table afterwards', async () => {
    const user = userEvent.setup();
    const api = renderOverview();
    api.updateSystem.mockImplementation(async (id, request) =>
      makeSystem({ ...fleet.find(system => system.id === id), name: request.name }),
    );
    await screen.findByRole('rowheader', { name: 'Berlin HQ' });

    await user.click(within(rowOf('Munich Branch')).getByRole('button', { name: 'Edit Munich Branch' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Munich Branch' });
    expect(within(dialog).getByRole('textbox', { name: /Name/ })).toHaveValue('Munich Branch');
    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), ' West');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(api.updateSystem).toHaveBeenCalledWith('restricted', { name: 'Munich Branch West' });
    await waitFor(() => expect(api.listSystemsPage).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // The dialog opens with the values of the row it was opened from, not the last one edited.
    await user.click(within(rowOf('Hamburg Office')).getByRole('button', { name: 'Edit Hamburg Office' }));
    const second = await screen.findByRole('dialog', { name: 'Edit Hamburg Office' });
    expect(within(second).getByRole('textbox', { name: /Name/ })).toHaveValue('Hamburg Office');
  });

  it('filters by name and serial number', async () => {
    const user = userEvent.setup();
    const api = renderOverview();
    await screen.findByRole('rowheader', { name: 'Berlin HQ' });
    const filter = screen.getByRole('textbox', { name: 'Filter by name or serial number' });

    await user.type(filter, 'ham');
    await waitFor(() => expect(shownNames()).toEqual(['Hamburg Office']));
    // The backend is asked once the typing pauses, not for every key.
    expect(api.listSystemsPage).toHaveBeenLastCalledWith(expect.objectContaining({ q: 'ham', offset: 0 }));
    expect(api.listSystemsPage).not.toHaveBeenCalledWith(expect.objectContaining({ q: 'ha' }));

    await user.clear(filter);
    await user.type(filter, 'dr3sd');
    await waitFor(() => expect(shownNames()).toEqual(['Dresden Lab']));

    await user.clear(filter);
    await user.type(filter, 'Vienna');
    expect(await screen.findByText('No system matches "Vienna".')).toBeInTheDocument();
  });

  it('filters by device state', async () => {
    const user = userEvent.setup();
    const api = renderOverview();
    await screen.findByRole('rowheader', { name: 'Berlin HQ' });

    const states = screen.getByRole('combobox', { name: 'Device state' });
    await user.selectOptions(states, 'Error');
    await waitFor(() => expect(shownNames()).toEqual(['Cologne Depot', 'Dresden Lab']));
    expect(api.listSystemsPage).toHaveBeenLastCalledWith(expect.objectContaining({ state: 'error' }));

    await user.selectOptions(states, 'Unknown (?)');
    await waitFor(() => expect(shownNames()).toEqual(['Essen Store']));
  });

  it('pages through a large fleet, asking the backend for one page at a time', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 60 }, (_, i) =>
      makeSystem({ id: `s${i}`, name: `PBX ${String(i).padStart(2, '0')}`, serialNumber: `CTX00000${1000 + i}` }),
    );
    const api = renderOverview(many);
    await screen.findByRole('rowheader', { name: 'PBX 00' });
    expect(shownNames()).toHaveLength(25);
    expect(screen.getByText('1–25 of 60')).toBeInTheDocument();
    expect(api.listSystemsPage).toHaveBeenLastCalledWith(
      expect.objectContaining({ limit: 25, offset: 0, sort: 'name', order: 'asc' }),
    );

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(shownNames()[0]).toBe('PBX 25'));
    expect(screen.getByText('26–50 of 60')).toBeInTheDocument();
    expect(api.listSystemsPage).toHaveBeenLastCalledWith(expect.objectContaining({ limit: 25, offset: 25 }));

    // A new order starts again at the first page.
    await user.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(shownNames()[0]).toBe('PBX 59'));
    expect(screen.getByText('1–25 of 60')).toBeInTheDocument();
  });

  it('sorts by clicking the column headers', async () => {
    const user = userEvent.setup();
    renderOverview();
    await screen.findByRole('rowheader', { name: 'Berlin HQ' });
    expect(shownNames()).toEqual([
      'Berlin HQ',
      'Cologne Depot',
      'Dresden Lab',
      'Essen Store',
      'Hamburg Office',
      'Munich Branch',
    ]);

    await user.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(shownNames()[0]).toBe('Munich Branch'));

    await user.click(screen.getByRole('button', { name: 'Serial number' }));
    await waitFor(() => expect(shownNames().slice(0, 2)).toEqual(['Berlin HQ', 'Cologne Depot']));

    // Oldest first; systems never registered come last.
    await user.click(screen.getByRole('button', { name: 'First registration' }));
    await waitFor(() => expect(shownNames()).toEqual([
      'Dresden Lab',
      'Munich Branch',
      'Berlin HQ',
      'Essen Store',
      'Cologne Depot',
      'Hamburg Office',
    ]));

    // What needs attention first: errors, then pending pairings.
    await user.click(screen.getByRole('button', { name: 'Device state' }));
    await waitFor(() => expect(shownNames()).toEqual([
      'Cologne Depot',
      'Dresden Lab',
      'Hamburg Office',
      'Munich Branch',
      'Essen Store',
      'Berlin HQ',
    ]));
  });

  it('goes back to the last page there is when the last system of a page was deleted', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 26 }, (_, i) =>
      makeSystem({ id: `s${i}`, name: `PBX ${String(i).padStart(2, '0')}`, serialNumber: `CTX00000${1000 + i}` }),
    );
    const api = renderOverview(many);
    api.deleteSystem.mockImplementation(async id => {
      many.splice(
        many.findIndex(system => system.id === id),
        1,
      );
    });
    await screen.findByRole('rowheader', { name: 'PBX 00' });
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(shownNames()).toEqual(['PBX 25']));

    await user.click(screen.getByRole('checkbox', { name: 'Select PBX 25' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Delete 1 system?' })).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(shownNames()).toHaveLength(25));
    expect(shownNames()[24]).toBe('PBX 24');
    expect(screen.getByText('1–25 of 25')).toBeInTheDocument();
  });

  it('deletes the selected systems after confirmation and reports those the backend refused', async () => {
    const user = userEvent.setup();
    const api = renderOverview();
    api.deleteSystem.mockImplementation(async id => {
      if (id === 'restricted') throw await responseError(403, 'Only the owner may delete this system');
    });
    await screen.findByRole('rowheader', { name: 'Berlin HQ' });

    await user.click(screen.getByRole('checkbox', { name: 'Select Essen Store' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Munich Branch' }));
    expect(screen.getByText('2 systems selected')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete 2 systems?' });
    expect(within(dialog).getByText('Essen Store (E55EN000005)')).toBeInTheDocument();
    expect(api.deleteSystem).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('1 system could not be deleted:')).toBeInTheDocument();
    expect(screen.getByText('Munich Branch: Only the owner may delete this system')).toBeInTheDocument();
    expect(api.deleteSystem).toHaveBeenCalledTimes(2);
    expect(api.deleteSystem).toHaveBeenCalledWith('unknown');
    expect(api.deleteSystem).toHaveBeenCalledWith('restricted');
    await waitFor(() => expect(api.listSystemsPage).toHaveBeenCalledTimes(2));
  });

  it('selects all shown systems and deletes nothing when cancelled', async () => {
    const user = userEvent.setup();
    const api = renderOverview();
    await screen.findByRole('rowheader', { name: 'Berlin HQ' });
    // "o" matches Hamburg Office, Cologne Depot and Essen Store; the others stay unselected.
    await user.type(screen.getByRole('textbox', { name: 'Filter by name or serial number' }), 'o');
    await waitFor(() => expect(shownNames()).toHaveLength(3));

    await user.click(screen.getByRole('checkbox', { name: 'Select all shown systems' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete 3 systems?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.deleteSystem).not.toHaveBeenCalled();
  });

  it('shows the empty state when no system is registered', async () => {
    renderOverview([]);
    expect(await screen.findByText('No COMtrexx registered yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Register COMtrexx' })).toBeInTheDocument();
  });

  it('shows why the systems could not be loaded', async () => {
    const api = fakeCccApi();
    api.listSystemsPage.mockRejectedValue(await responseError(500, 'Database unavailable'));
    renderInTestApp(<SystemsOverview />, {
      apis: [
        [cccApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ],
    });
    expect(await screen.findByText('The systems could not be loaded: Database unavailable')).toBeInTheDocument();
  });
});
