import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, makeSystem, responseError } from '../../__testUtils__/fakes';
import { makeSeries } from '../../__testUtils__/monitoringFakes';
import { cccApiRef } from '../../api/CccApi';
import { EntityCccMonitoringContent } from './EntityCccMonitoringContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'berlin-hq', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
  spec: { type: 'pbx', owner: 'group:default/telephony' },
};

function renderTab(api: ReturnType<typeof fakeCccApi>, permission = mockApis.permission()) {
  renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityCccMonitoringContent />
    </EntityProvider>,
    {
      apis: [
        [cccApiRef, api],
        [permissionApiRef, permission],
      ],
    },
  );
}

function apiWith(...series: ReturnType<typeof makeSeries>[]) {
  const api = fakeCccApi();
  api.getSystemBySerial.mockResolvedValue(makeSystem());
  for (const s of series) api.getMonitoring.mockResolvedValueOnce(s);
  return api;
}

describe('EntityCccMonitoringContent', () => {
  it('draws CPU and memory charts from the series, with a min/max band and a summary in words', async () => {
    // Twelve five-minute points with three missing after the fifth: the lines break there.
    const series = makeSeries({}, { count: 12, cpu: i => [10, 20, 30, 40, 50, 60, 50, 40, 30, 20, 10, 20][i] });
    series.points.splice(5, 3);
    const api = apiWith(series);
    renderTab(api);

    const cpu = await screen.findByRole('img', { name: /^CPU load from / });
    expect(api.getMonitoring).toHaveBeenCalledWith('sys-1', 'day');
    expect(within(cpu).getAllByTestId('chart-line')).toHaveLength(2);
    expect(within(cpu).getAllByTestId('chart-band')).toHaveLength(2);
    expect(within(cpu).getByText('100%')).toBeInTheDocument();
    expect(within(cpu).getByText('0%')).toBeInTheDocument();

    const memory = screen.getByRole('img', { name: /^Memory use from / });
    // Average and highest are two lines, each in two runs; the axis goes up to the 4 GB the device has.
    expect(within(memory).getAllByTestId('chart-line')).toHaveLength(4);
    expect(within(memory).queryAllByTestId('chart-band')).toHaveLength(0);
    expect(within(memory).getByText('4 GB')).toBeInTheDocument();

    const summaries = screen.getAllByTestId('chart-summary').map(s => s.textContent);
    expect(summaries[0]).toBe('Average 26%, lowest 0%, highest 80%');
    expect(summaries[1]).toMatch(/^Average [\d.]+ GB of 4 GB in use, highest 1\.3 GB$/);
    expect(screen.getByText('Each point summarises 5 minutes.')).toBeInTheDocument();
  });

  it('reads the values under the arrow keys', async () => {
    const api = apiWith(makeSeries({}, { count: 3, cpu: i => [15, 25, 35][i] }));
    renderTab(api);

    const cpu = await screen.findByRole('img', { name: /^CPU load from / });
    fireEvent.keyDown(cpu, { key: 'ArrowLeft' });
    expect(await screen.findByText(/: average 35%, lowest 25%, highest 65%$/)).toBeInTheDocument();
    expect(within(cpu).getByTestId('chart-hover')).toBeInTheDocument();
    fireEvent.keyDown(cpu, { key: 'ArrowLeft' });
    expect(await screen.findByText(/: average 25%, lowest 15%, highest 55%$/)).toBeInTheDocument();
  });

  it('loads another range when one is chosen', async () => {
    const user = userEvent.setup();
    const api = apiWith(makeSeries(), makeSeries({ range: 'week', resolutionSeconds: 1800 }));
    renderTab(api);

    await screen.findByRole('img', { name: /^CPU load from / });
    await user.click(screen.getByRole('button', { name: 'Week' }));
    await waitFor(() => expect(api.getMonitoring).toHaveBeenLastCalledWith('sys-1', 'week'));
    expect(await screen.findByText('Each point summarises 30 minutes.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('explains how to switch recording on when the device does not allow it', async () => {
    const api = apiWith(makeSeries({ recordingEnabled: false, points: [] }));
    renderTab(api);

    expect(await screen.findByText('Recording is switched off on this COMtrexx')).toBeInTheDocument();
    expect(screen.getByText(/Switch on "Aufzeichnung von Anlagendaten" in the web interface/)).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /CPU load/ })).not.toBeInTheDocument();
    expect(screen.queryByText('No values recorded yet')).not.toBeInTheDocument();
  });

  it('keeps the charts of older values when recording was switched off since', async () => {
    const api = apiWith(makeSeries({ recordingEnabled: false }, { endMsAgo: 3 * 3_600_000 }));
    renderTab(api);

    expect(
      await screen.findByText(/The charts show the values recorded before it was switched off/),
    ).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^CPU load from / })).toBeInTheDocument();
  });

  it('says that nothing was recorded yet', async () => {
    const api = apiWith(makeSeries({ points: [] }));
    renderTab(api);

    expect(await screen.findByText('No values recorded yet')).toBeInTheDocument();
    expect(
      screen.getByText(/The CCC reads the CPU load and memory use of the COMtrexx every minute/),
    ).toBeInTheDocument();
  });

  it('shows a refusal of the backend with its message', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.getMonitoring.mockRejectedValue(await responseError(503, 'The COMtrexx is restarting'));
    renderTab(api);

    expect(
      await screen.findByText('The monitoring could not be loaded: The COMtrexx is restarting'),
    ).toBeInTheDocument();
  });

  it('shows the gate instead of the charts for a system without maintenance', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(
      makeSystem({
        state: 'paired_restricted',
        stateReason: 'maintenance_inactive',
        device: {
          model: 'COMtrexx Business',
          firmwareVersion: '2.6.1',
          maintenance: { active: false, validUntil: null },
        },
      }),
    );
    renderTab(api);

    expect(await screen.findByTestId('ccc-system-gate')).toBeInTheDocument();
    expect(api.getMonitoring).not.toHaveBeenCalled();
  });
});
