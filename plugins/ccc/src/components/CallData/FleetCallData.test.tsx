import { renderInTestApp } from '@backstage/frontend-test-utils';
import { CccCallDataStatistics } from '@internal/plugin-ccc-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeCallDataPage, makeCallDataRecord } from '../../__testUtils__/callDataFakes';
import { fakeCccApi } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { FleetCallData } from './FleetCallData';

const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, calls: hour === 8 ? 4 : 0, answered: hour === 8 ? 3 : 0 }));
const STATS: CccCallDataStatistics = {
  from: '2026-11-01T23:00:00.000Z',
  to: '2026-11-04T23:00:00.000Z',
  timeZone: 'Europe/Berlin',
  masked: true,
  totals: {
    calls: 4,
    answered: 3,
    answeredShare: 0.75,
    talkSeconds: 480,
    averageDurationSeconds: 160,
    medianDurationSeconds: 120,
  },
  peakConcurrent: { calls: 2, at: '2026-11-02T07:00:30.000Z' },
  perDay: [
    { day: '2026-11-02', calls: 4, answered: 3 },
    { day: '2026-11-03', calls: 0, answered: 0 },
  ],
  perHourOfDay: hours,
  topExtensions: [{ systemId: 's1', extension: '210', name: 'Anna', calls: 3, answered: 2, talkSeconds: 150 }],
  topLines: [],
  topExternalNumbers: [{ externalNumber: '0891234***', calls: 4, answered: 3, talkSeconds: 270 }],
  systems: [{ systemId: 's1', name: 'Zentrale', calls: 4, answered: 3 }],
};

describe('FleetCallData', () => {
  it('lists the calls of the fleet with their system, and shows the fleet statistics on demand', async () => {
    const api = fakeCccApi();
    api.listFleetCallData.mockResolvedValue({
      ...makeCallDataPage([makeCallDataRecord({ systemId: 's1', externalName: 'Muster GmbH' })]),
      systemNames: { s1: 'Zentrale' },
    });
    api.getCallDataStatistics.mockResolvedValue(STATS);
    await renderInTestApp(<FleetCallData />, { apis: [[cccApiRef, api]] });

    const table = await screen.findByRole('table', { name: 'Call data' });
    expect(within(table).getByRole('columnheader', { name: 'System' })).toBeInTheDocument();
    expect(within(table).getByText('Zentrale')).toBeInTheDocument();
    expect(api.getCallDataStatistics).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('tab', { name: 'Statistics' }));
    expect(await screen.findByText('75 %')).toBeInTheDocument();
    expect(api.getCallDataStatistics).toHaveBeenCalledWith(null, expect.objectContaining({ timeZone: expect.any(String) }));
    expect(screen.getByRole('img', { name: 'Calls per day' })).toBeInTheDocument();
    expect(screen.getByText('2026-11-02: 4 calls, 3 answered')).toBeInTheDocument();
    const extensions = screen.getByRole('table', { name: 'Busiest extensions' });
    expect(within(extensions).getAllByRole('row')[1]).toHaveTextContent(/Zentrale210Anna320:02:30/);
    expect(within(screen.getByRole('table', { name: 'Most frequent external partners' })).getByText('0891234***')).toBeInTheDocument();
    expect(screen.getByText('None in this period')).toBeInTheDocument();
    expect(screen.getByText(/last three digits hidden/)).toBeInTheDocument();
  });

  it('says that the fleet file holds only the systems the user may export', async () => {
    const api = fakeCccApi();
    api.listFleetCallData.mockResolvedValue({
      ...makeCallDataPage([makeCallDataRecord({ systemId: 's1' })], { totalCount: 7 }),
      systemNames: { s1: 'Zentrale' },
    });
    await renderInTestApp(<FleetCallData />, { apis: [[cccApiRef, api]] });
    await screen.findByRole('table', { name: 'Call data' });

    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export call data' });
    expect(within(dialog).getByText(/every system whose call data you may export: at most the 7 calls/)).toBeInTheDocument();
    expect(within(dialog).queryByText(/will contain all 7 calls/)).not.toBeInTheDocument();
  });

  it('says so when the period has no calls, and when the statistics fail', async () => {
    const api = fakeCccApi();
    api.getCallDataStatistics.mockResolvedValueOnce({ ...STATS, totals: { ...STATS.totals, calls: 0 } });
    await renderInTestApp(<FleetCallData />, { apis: [[cccApiRef, api]] });
    await userEvent.click(await screen.findByRole('tab', { name: 'Statistics' }));
    expect(await screen.findByText('No calls in this period')).toBeInTheDocument();

    api.getCallDataStatistics.mockRejectedValueOnce(new Error('database gone'));
    await userEvent.click(screen.getByRole('button', { name: /Last 30 days/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Last 7 days' }));
    expect(await screen.findByText(/The statistics could not be loaded: database gone/)).toBeInTheDocument();
  });
});
