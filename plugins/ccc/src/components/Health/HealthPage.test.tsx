import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, formatDateTime, responseError } from '../../__testUtils__/fakes';
import { makeScorecard } from '../../__testUtils__/monitoringFakes';
import { cccApiRef } from '../../api/CccApi';
import { HealthPage } from './HealthPage';

const hamburg = makeScorecard({ systemId: 'sys-2', name: 'Hamburg Office', serialNumber: 'B2C3D4E5F6', score: 45 }, [
  {
    id: 'backup',
    status: 'fail',
    message: 'The last backup failed',
    facts: { lastSuccessAt: null, lastFailureAt: '2026-11-26T02:00:00Z', status: 'failed' },
  },
  {
    id: 'trunks',
    status: 'fail',
    message: '1 of 2 accounts not registered',
    facts: { total: 2, notRegistered: 1, unencrypted: 0 },
  },
  {
    id: 'maintenance',
    status: 'warn',
    message: 'Maintenance ends in 12 days',
    facts: { active: true, daysLeft: 12, validUntil: '2026-12-09T00:00:00Z' },
  },
]);
const berlin = makeScorecard({ score: 100 });
const munich = makeScorecard(
  { systemId: 'sys-3', name: 'Munich', serialNumber: 'C3D4E5F6A7', score: null },
  ['reachable', 'maintenance', 'firmware', 'backup', 'trunks', 'phones', 'load'].map(id => ({
    id: id as any,
    status: 'unknown' as const,
    message: 'Not read yet',
    facts: {},
  })),
);

function renderPage(api: ReturnType<typeof fakeCccApi>) {
  renderInTestApp(<HealthPage />, {
    apis: [[cccApiRef, api]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': convertLegacyRouteRef(entityRouteRef) },
  });
}

const systemsInOrder = () =>
  within(screen.getByRole('table', { name: 'Health of the fleet' }))
    .getAllByRole('rowheader')
    .map(cell => cell.textContent);

describe('HealthPage', () => {
  it('lists the systems worst first with every check as an icon and the findings in words', async () => {
    const api = fakeCccApi();
    api.listScorecards.mockResolvedValue([berlin, munich, hamburg]);
    renderPage(api);

    expect(await screen.findByRole('table', { name: 'Health of the fleet' })).toBeInTheDocument();
    // Unscored systems come last: nothing could be checked there.
    expect(systemsInOrder()).toEqual(['Hamburg Office', 'Berlin HQ', 'Munich']);

    const row = screen.getByRole('rowheader', { name: 'Hamburg Office' }).closest('tr')!;
    expect(within(row).getByRole('link', { name: 'Hamburg Office' })).toHaveAttribute(
      'href',
      '/catalog/default/resource/ccc-b2c3d4e5f6',
    );
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('45');
    // Eight icons, each named with the check, its outcome and the explanation.
    expect(within(cells[1]).getAllByRole('img')).toHaveLength(8);
    expect(
      within(cells[1]).getByRole('img', {
        name: `Backup: Problem. The last backup failed (${formatDateTime('2026-11-26T02:00:00Z')})`,
      }),
    ).toBeInTheDocument();
    expect(within(cells[1]).getByRole('img', { name: 'Phones: OK. 10 of 10 phones working' })).toBeInTheDocument();
    expect(cells[2]).toHaveTextContent('Provider accounts: 1 of 2 accounts not registered');
    expect(cells[2]).toHaveTextContent(/Maintenance: Ends in 12 days, on /);

    const berlinCells = within(screen.getByRole('rowheader', { name: 'Berlin HQ' }).closest('tr')!).getAllByRole(
      'cell',
    );
    expect(berlinCells[2]).toHaveTextContent('All checks passed.');
    const munichCells = within(screen.getByRole('rowheader', { name: 'Munich' }).closest('tr')!).getAllByRole('cell');
    expect(munichCells[0]).toHaveTextContent('No score');
    expect(
      within(munichCells[1]).getByRole('img', { name: 'Provider accounts: Unknown. No provider accounts read yet' }),
    ).toBeInTheDocument();
  });

  it('sorts by score and by name', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi();
    api.listScorecards.mockResolvedValue([berlin, munich, hamburg]);
    renderPage(api);

    await screen.findByRole('table', { name: 'Health of the fleet' });
    await user.click(screen.getByRole('button', { name: 'Score' }));
    expect(systemsInOrder()).toEqual(['Berlin HQ', 'Hamburg Office', 'Munich']);
    await user.click(screen.getByRole('button', { name: 'System' }));
    expect(systemsInOrder()).toEqual(['Berlin HQ', 'Hamburg Office', 'Munich']);
    await user.click(screen.getByRole('button', { name: 'System' }));
    expect(systemsInOrder()).toEqual(['Munich', 'Hamburg Office', 'Berlin HQ']);
  });

  it('shows an empty state without systems', async () => {
    const api = fakeCccApi();
    renderPage(api);
    expect(await screen.findByText('No systems to score')).toBeInTheDocument();
  });

  it('shows why the scores could not be loaded', async () => {
    const api = fakeCccApi();
    api.listScorecards.mockRejectedValue(await responseError(500, 'Database unavailable'));
    renderPage(api);
    expect(await screen.findByText('The health scores could not be loaded: Database unavailable')).toBeInTheDocument();
  });
});
