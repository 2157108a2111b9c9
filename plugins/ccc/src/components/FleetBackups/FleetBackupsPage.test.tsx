import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeAssurance, makeFleetRow } from '../../__testUtils__/backupFakes';
import { fakeCccApi, formatDateTime, responseError } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { FleetBackupsPage } from './FleetBackupsPage';

const NOW = Date.parse('2026-11-27T08:00:00Z');

const rows = [
  makeFleetRow({ systemId: 'sys-1', name: 'Berlin HQ', serialNumber: 'A1B2C3D4E5' }),
  makeFleetRow({
    systemId: 'sys-2',
    name: 'Munich',
    serialNumber: 'B2C3D4E5F6',
    assurance: makeAssurance({
      status: 'failed',
      lastSuccessAt: '2026-11-17T08:00:00Z',
      lastFailureAt: '2026-11-26T02:00:00Z',
      lastFailureMessage: 'Backup server unreachable',
    }),
  }),
  makeFleetRow({
    systemId: 'sys-3',
    name: 'Hamburg',
    serialNumber: 'C3D4E5F6A7',
    assurance: makeAssurance({ status: 'stale', lastSuccessAt: '2026-11-10T08:00:00Z', nextRunAt: null }),
  }),
];

function renderPage(api: ReturnType<typeof fakeCccApi>) {
  renderInTestApp(<FleetBackupsPage />, {
    apis: [[cccApiRef, api]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

/** The system names in table order. */
function names(): string[] {
  const table = screen.getByRole('table', { name: 'Backups of the fleet' });
  return within(table)
    .getAllByRole('rowheader')
    .map(cell => cell.textContent ?? '');
}

describe('FleetBackupsPage', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('shows every system with status, age of the last success, failure and next run, problems first', async () => {
    const api = fakeCccApi();
    api.listFleetBackups.mockResolvedValue(rows);
    renderPage(api);

    expect(await screen.findByRole('table', { name: 'Backups of the fleet' })).toBeInTheDocument();
    expect(names()).toEqual(['Munich', 'Hamburg', 'Berlin HQ']);

    const munich = within(screen.getByRole('rowheader', { name: 'Munich' }).closest('tr')!).getAllByRole('cell');
    expect(munich[0]).toHaveTextContent('B2C3D4E5F6');
    expect(munich[1]).toHaveTextContent('Failed');
    expect(munich[2]).toHaveTextContent('10 days ago');
    expect(munich[3]).toHaveTextContent(formatDateTime('2026-11-26T02:00:00Z'));
    expect(munich[3]).toHaveTextContent('Backup server unreachable');
    expect(munich[4]).toHaveTextContent(formatDateTime('2026-11-28T02:00:00Z'));

    const berlin = within(screen.getByRole('rowheader', { name: 'Berlin HQ' }).closest('tr')!).getAllByRole('cell');
    expect(berlin[2]).toHaveTextContent('1 day ago');
    expect(berlin[3]).toHaveTextContent('—');

    // Each system links to its catalog entity, named after its serial number.
    expect(screen.getByRole('link', { name: 'Munich' })).toHaveAttribute(
      'href',
      '/catalog/default/resource/ccc-b2c3d4e5f6',
    );
  });

  it('sorts by a column and reverses on the second click', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi();
    api.listFleetBackups.mockResolvedValue(rows);
    renderPage(api);

    await user.click(await screen.findByRole('button', { name: 'System' }));
    expect(names()).toEqual(['Berlin HQ', 'Hamburg', 'Munich']);
    await user.click(screen.getByRole('button', { name: 'System' }));
    expect(names()).toEqual(['Munich', 'Hamburg', 'Berlin HQ']);

    // Oldest success first: the system that went longest without a backup.
    await user.click(screen.getByRole('button', { name: 'Last successful backup' }));
    expect(names()).toEqual(['Hamburg', 'Munich', 'Berlin HQ']);
    // A missing next run sorts first.
    await user.click(screen.getByRole('button', { name: 'Next automatic backup' }));
    expect(names()).toEqual(['Hamburg', 'Berlin HQ', 'Munich']);
  });

  it('filters by name, serial number and status', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi();
    api.listFleetBackups.mockResolvedValue(rows);
    renderPage(api);

    await user.type(await screen.findByRole('textbox', { name: 'Filter by name or serial number' }), 'e5f6');
    expect(names()).toEqual(['Munich', 'Hamburg']);
    await user.clear(screen.getByRole('textbox', { name: 'Filter by name or serial number' }));

    await user.click(screen.getByRole('button', { name: 'Status All' }));
    await user.click(await screen.findByRole('option', { name: 'Outdated' }));
    expect(names()).toEqual(['Hamburg']);

    await user.type(screen.getByRole('textbox', { name: 'Filter by name or serial number' }), 'berlin');
    expect(screen.getByText('No system matches the filter.')).toBeInTheDocument();
  });

  it('explains an empty fleet', async () => {
    const api = fakeCccApi();
    renderPage(api);
    expect(await screen.findByText('No systems to show')).toBeInTheDocument();
    expect(screen.getByText(/Owner, Administrator, Backup/)).toBeInTheDocument();
  });

  it('shows a failed request', async () => {
    const api = fakeCccApi();
    api.listFleetBackups.mockRejectedValue(await responseError(500, 'database down'));
    renderPage(api);
    expect(
      await screen.findByText('The backup status of the fleet could not be loaded: database down'),
    ).toBeInTheDocument();
  });
});
