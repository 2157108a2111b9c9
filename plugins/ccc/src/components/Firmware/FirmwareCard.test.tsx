import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeFirmwareOverview, makeJob } from '../../__testUtils__/backupFakes';
import { fakeCccApi, formatDateTime, responseError } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { JOB_POLL_INTERVAL_MS } from '../Jobs';
import { FirmwareCard } from './FirmwareCard';

const system = { id: 'sys-1', name: 'Berlin HQ' };

function renderCard(
  api: ReturnType<typeof fakeCccApi>,
  props: { updateReason?: string; onJobFinished?: jest.Mock } = {},
) {
  renderInTestApp(
    <FirmwareCard
      system={system}
      updateReason={props.updateReason}
      reloadKey={0}
      onJobFinished={props.onJobFinished ?? jest.fn()}
    />,
    {
      apis: [
        [cccApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [] })],
      ],
    },
  );
}

/** The value next to `label` in the versions table. */
function field(label: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Firmware' });
  return within(within(table).getByRole('rowheader', { name: label }).closest('tr')!).getByRole('cell');
}

afterEach(() => {
  jest.useRealTimers();
});

describe('FirmwareCard', () => {
  it('shows the installed and available version, the device status and the history', async () => {
    const api = fakeCccApi();
    api.getFirmware.mockResolvedValue(
      makeFirmwareOverview({
        device: { state: 'failed', progress: 0, fromVersion: '2.6.0', toVersion: '2.6.1', message: 'Download aborted' },
        history: [
          makeJob({
            id: 'job-9',
            kind: 'firmware',
            state: 'failed',
            phase: 'downloading',
            startedAt: '2026-11-01T09:00:00Z',
            finishedAt: '2026-11-01T09:05:00Z',
            message: 'Download aborted',
            fromVersion: '2.6.0',
            toVersion: '2.6.1',
          }),
        ],
      }),
    );
    renderCard(api);

    expect(await screen.findByRole('table', { name: 'Firmware' })).toBeInTheDocument();
    expect(api.getFirmware).toHaveBeenCalledWith('sys-1');
    expect(field('Installed version')).toHaveTextContent('2.6.1');
    expect(field('Available version')).toHaveTextContent('2.6.2');
    expect(field('Update status of the PBX')).toHaveTextContent('Last update failed2.6.0 → 2.6.1Download aborted');

    const history = screen.getByRole('table', { name: 'Updates started in the CCC' });
    const row = within(history).getByRole('rowheader', { name: formatDateTime('2026-11-01T09:00:00Z') }).closest('tr')!;
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('anna');
    expect(cells[1]).toHaveTextContent('2.6.0 → 2.6.1');
    expect(cells[2]).toHaveTextContent('Failed');
    expect(cells[2]).toHaveTextContent('Download aborted');
  });

  it('updates only after the confirmation and follows the job through the reboot', async () => {
    jest.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    const api = fakeCccApi();
    api.getFirmware.mockResolvedValue(makeFirmwareOverview());
    const job = makeJob({ id: 'job-3', kind: 'firmware', fromVersion: '2.6.1', toVersion: '2.6.2' });
    api.startFirmwareUpdate.mockResolvedValue(job);
    api.getJob
      .mockResolvedValueOnce({ ...job, phase: 'downloading', progress: 30 })
      .mockResolvedValueOnce({ ...job, phase: 'installing', progress: 80 })
      .mockResolvedValueOnce({ ...job, phase: 'rebooting', progress: 100 })
      .mockResolvedValueOnce({ ...job, state: 'succeeded', phase: 'done', progress: 100 });
    const onJobFinished = jest.fn();
    renderCard(api, { onJobFinished });

    await user.click(await screen.findByRole('button', { name: 'Update now including restart' }));
    const dialog = await screen.findByRole('dialog', { name: 'Update Berlin HQ to 2.6.2?' });
    expect(dialog).toHaveTextContent('installs it and restarts');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.startFirmwareUpdate).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Update now including restart' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: /Update Berlin HQ/ })).getByRole('button', {
        name: 'Update and restart',
      }),
    );
    expect(api.startFirmwareUpdate).toHaveBeenCalledWith('sys-1');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Firmware update: waiting for the PBX')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Update now including restart' })).toBeDisabled();

    const poll = () =>
      act(async () => {
        jest.advanceTimersByTime(JOB_POLL_INTERVAL_MS);
      });
    await poll();
    expect(await screen.findByText('Firmware update: downloading the firmware (30 %)')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Progress: Firmware update' })).toHaveAttribute(
      'aria-valuenow',
      '30',
    );
    await poll();
    expect(await screen.findByText('Firmware update: installing the firmware (80 %)')).toBeInTheDocument();
    await poll();
    expect(await screen.findByText('Firmware update: the PBX restarts')).toBeInTheDocument();
    // No percentage while the PBX restarts: it cannot say how far it is.
    expect(screen.getByRole('progressbar', { name: 'Progress: Firmware update' })).not.toHaveAttribute(
      'aria-valuenow',
    );
    await poll();
    expect(await screen.findByText('The firmware was updated to 2.6.2 and the PBX is back.')).toBeInTheDocument();
    expect(onJobFinished).toHaveBeenCalledWith(expect.objectContaining({ id: 'job-3', state: 'succeeded' }));
    await waitFor(() => expect(api.getFirmware).toHaveBeenCalledTimes(2));
  });

  it('keeps the dialog open and says why an update was refused', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi();
    api.getFirmware.mockResolvedValue(makeFirmwareOverview());
    api.startFirmwareUpdate.mockRejectedValue(await responseError(409, 'A backup is still running'));
    renderCard(api);

    await user.click(await screen.findByRole('button', { name: 'Update now including restart' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Update and restart' }));
    expect(
      await within(dialog).findByText('The update could not be started: A backup is still running'),
    ).toBeInTheDocument();
  });

  it('disables the update without the permission and when no newer firmware is offered', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi();
    api.getFirmware.mockResolvedValue(makeFirmwareOverview({ available: null }));
    renderCard(api);

    const button = await screen.findByRole('button', { name: 'Update now including restart' });
    expect(button).toBeDisabled();
    expect(field('Available version')).toHaveTextContent('none newer (up to date)');
    await user.hover(button.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('The update server offers no newer firmware');
  });

  it('says which roles may update', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi();
    api.getFirmware.mockResolvedValue(makeFirmwareOverview());
    renderCard(api, { updateReason: 'Needs one of these roles on the system: Owner, Administrator' });

    const button = await screen.findByRole('button', { name: 'Update now including restart' });
    expect(button).toBeDisabled();
    await user.hover(button.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Owner, Administrator');
  });

  it('follows an update that is running when the card opens and shows a failure', async () => {
    jest.useFakeTimers();
    const api = fakeCccApi();
    const job = makeJob({ kind: 'firmware', phase: 'installing', progress: 50, toVersion: '2.6.2' });
    api.getFirmware.mockResolvedValue(makeFirmwareOverview({ runningJob: job }));
    api.getJob.mockResolvedValue({ ...job, state: 'failed', message: 'Checksum mismatch' });
    renderCard(api);

    expect(await screen.findByText('Firmware update: installing the firmware (50 %)')).toBeInTheDocument();
    await act(async () => {
      jest.advanceTimersByTime(JOB_POLL_INTERVAL_MS);
    });
    expect(await screen.findByText('Firmware update failed: Checksum mismatch')).toBeInTheDocument();
  });

  it('says when the PBX cannot reach the update server', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi();
    api.getFirmware.mockResolvedValue(makeFirmwareOverview({ available: null, updateServerReachable: false }));
    renderCard(api);

    const button = await screen.findByRole('button', { name: 'Update now including restart' });
    expect(field('Available version')).toHaveTextContent('unknown: the PBX cannot reach the update server');
    await user.hover(button.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('The PBX cannot reach the update server');
  });

  it('ends a job that can no longer be read instead of staying busy', async () => {
    jest.useFakeTimers();
    const api = fakeCccApi();
    const job = makeJob({ kind: 'firmware', phase: 'installing', progress: 50 });
    api.getFirmware.mockResolvedValueOnce(makeFirmwareOverview({ runningJob: job }));
    api.getFirmware.mockResolvedValue(makeFirmwareOverview());
    api.getJob.mockRejectedValue(await responseError(404, 'No job job-1 on this system'));
    renderCard(api);

    expect(await screen.findByText('Firmware update: installing the firmware (50 %)')).toBeInTheDocument();
    await act(async () => {
      jest.advanceTimersByTime(JOB_POLL_INTERVAL_MS);
    });
    expect(await screen.findByText('Firmware update failed: No job job-1 on this system')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Update now including restart' })).toBeEnabled());
  });

  it('shows when the device cannot be read', async () => {
    const api = fakeCccApi();
    api.getFirmware.mockRejectedValue(await responseError(503, 'The device is restarting'));
    renderCard(api);
    expect(
      await screen.findByText('The firmware could not be read from the device: The device is restarting'),
    ).toBeInTheDocument();
  });
});
