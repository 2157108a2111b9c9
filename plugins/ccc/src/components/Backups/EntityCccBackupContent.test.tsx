import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { cccBackupReadPermission, cccSystemReadPermission } from '@internal/plugin-ccc-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeAssurance, makeBackupOverview, makeFirmwareOverview, makeJob } from '../../__testUtils__/backupFakes';
import { accessAs, fakeCccApi, formatDateTime, makeSystem, responseError } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { JOB_POLL_INTERVAL_MS } from '../Jobs';
import { EntityCccBackupContent } from './EntityCccBackupContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'ccc-a1b2c3d4e5', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
  spec: { type: 'pbx', owner: 'group:default/telephony' },
};

function renderTab(api: ReturnType<typeof fakeCccApi>) {
  renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityCccBackupContent />
    </EntityProvider>,
    {
      apis: [
        [cccApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [] })],
        [permissionApiRef, mockApis.permission()],
      ],
    },
  );
}

function ownerApi() {
  const api = fakeCccApi();
  api.getSystemBySerial.mockResolvedValue(makeSystem());
  api.getAccess.mockResolvedValue(accessAs(['owner']));
  api.getBackups.mockResolvedValue(makeBackupOverview());
  api.getFirmware.mockResolvedValue(makeFirmwareOverview());
  return api;
}

/** The row of the backups table whose date cell shows the backup made at `iso`. */
function backupRow(iso: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Available backups' });
  return within(table).getByRole('rowheader', { name: formatDateTime(iso) }).closest('tr')!;
}

/** Lets the job follower read the job once more. */
async function nextPoll() {
  await act(async () => {
    jest.advanceTimersByTime(JOB_POLL_INTERVAL_MS);
  });
}

afterEach(() => {
  jest.useRealTimers();
});

describe('EntityCccBackupContent', () => {
  it('lists the backups newest first with firmware, size and type, the assurance and the schedule', async () => {
    const api = ownerApi();
    renderTab(api);

    const table = await screen.findByRole('table', { name: 'Available backups' });
    expect(api.getBackups).toHaveBeenCalledWith('sys-1');
    const rows = within(table).getAllByRole('rowheader');
    expect(rows.map(r => r.textContent)).toEqual([
      formatDateTime('2026-11-26T02:00:00Z'),
      formatDateTime('2026-11-20T02:00:00Z'),
    ]);
    const newest = within(backupRow('2026-11-26T02:00:00Z')).getAllByRole('cell');
    expect(newest[1]).toHaveTextContent('2.6.1');
    expect(newest[2]).toHaveTextContent('1.5 MB');
    expect(newest[3]).toHaveTextContent('Manual');
    const older = within(backupRow('2026-11-20T02:00:00Z')).getAllByRole('cell');
    // Made on 2.4.4 while the PBX runs 2.6.1: it may lack newer settings.
    expect(older[1]).toHaveTextContent('2.4.4older than the installed firmware');
    expect(older[3]).toHaveTextContent('Automatic');

    expect(screen.getByText('Backup server: backup.example.net')).toBeInTheDocument();
    expect(screen.getByText('OK')).toBeInTheDocument();
    expect(screen.getByText('The last successful backup is recent.')).toBeInTheDocument();

    const schedule = screen.getByRole('table', { name: 'Automatic backups' });
    const lastRun = within(schedule).getByRole('rowheader', { name: 'Last periodic backup' }).closest('tr')!;
    expect(lastRun).toHaveTextContent(formatDateTime('2026-11-26T02:00:00Z'));
    const nextRun = within(schedule).getByRole('rowheader', { name: 'Next periodic backup' }).closest('tr')!;
    expect(nextRun).toHaveTextContent(formatDateTime('2026-11-28T02:00:00Z'));
    expect(screen.getByText(/Changing the interval later does not change this time/)).toBeInTheDocument();
    expect(screen.getByText('Applies now (fleet default): keep all backups')).toBeInTheDocument();

    // The firmware section sits on the same tab.
    expect(await screen.findByRole('rowheader', { name: 'Installed version' })).toBeInTheDocument();
  });

  it('creates a backup now and shows its progress until it is done', async () => {
    jest.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    const api = ownerApi();
    api.createBackup.mockResolvedValue(makeJob());
    api.getJob
      .mockResolvedValueOnce(makeJob({ phase: 'running', progress: 40 }))
      .mockResolvedValueOnce(makeJob({ state: 'succeeded', phase: 'done', progress: 100, backupId: 'bkp-2' }));
    renderTab(api);

    await user.click(await screen.findByRole('button', { name: 'Create backup now' }));
    expect(api.createBackup).toHaveBeenCalledWith('sys-1');
    expect(await screen.findByText('Backup: waiting for the PBX')).toBeInTheDocument();
    // Another job cannot be started meanwhile.
    expect(screen.getByRole('button', { name: 'Create backup now' })).toBeDisabled();

    await nextPoll();
    expect(await screen.findByText('Backup: running (40 %)')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Progress: Backup' })).toHaveAttribute('aria-valuenow', '40');
    expect(api.getJob).toHaveBeenCalledWith('sys-1', 'job-1');

    await nextPoll();
    expect(await screen.findByText('The backup was created.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar', { name: /Progress/ })).not.toBeInTheDocument();
    // The list is read again so that the new backup shows up, and nothing is polled any more.
    await waitFor(() => expect(api.getBackups).toHaveBeenCalledTimes(2));
    await nextPoll();
    expect(api.getJob).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('button', { name: 'Create backup now' })).toBeEnabled();
  });

  it('shows why a backup could not be started', async () => {
    const user = userEvent.setup();
    const api = ownerApi();
    api.createBackup.mockRejectedValue(await responseError(409, 'A firmware update is still running'));
    renderTab(api);

    await user.click(await screen.findByRole('button', { name: 'Create backup now' }));
    expect(
      await screen.findByText('The backup could not be started: A firmware update is still running'),
    ).toBeInTheDocument();
  });

  it('restores only after the confirmation and follows the restart until the PBX is back', async () => {
    jest.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    const api = ownerApi();
    const restore = makeJob({ id: 'job-2', kind: 'restore', backupId: 'bkp-0' });
    api.restoreBackup.mockResolvedValue(restore);
    api.getJob
      .mockResolvedValueOnce({ ...restore, phase: 'restarting', progress: 100 })
      .mockRejectedValueOnce(await responseError(503, 'The device is restarting'))
      .mockResolvedValueOnce({ ...restore, phase: 'rebooting', progress: 100 })
      .mockResolvedValueOnce({ ...restore, state: 'succeeded', phase: 'done', progress: 100 });
    renderTab(api);

    const date = formatDateTime('2026-11-20T02:00:00Z');
    await user.click(await screen.findByRole('button', { name: `Restore the backup of ${date}` }));
    const dialog = await screen.findByRole('dialog', { name: `Restore the backup of ${date}?` });
    expect(dialog).toHaveTextContent(
      'The current configuration of Berlin HQ is overwritten with the configuration from this backup. The PBX then',
    );
    expect(dialog).toHaveTextContent('This backup was made with firmware 2.4.4; the PBX runs 2.6.1.');
    // Cancelling restores nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.restoreBackup).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: `Restore the backup of ${date}` }));
    const again = await screen.findByRole('dialog', { name: `Restore the backup of ${date}?` });
    await user.click(within(again).getByRole('button', { name: 'Restore and restart' }));
    expect(api.restoreBackup).toHaveBeenCalledWith('sys-1', 'bkp-0', {});
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Restore: waiting for the PBX')).toBeInTheDocument();

    await nextPoll();
    expect(await screen.findByText('Restore: the PBX restarts')).toBeInTheDocument();
    expect(screen.getByText(/This page follows it until it is back/)).toBeInTheDocument();
    // While the PBX restarts the backend may answer 503; the page keeps following.
    await nextPoll();
    expect(
      await screen.findByText('The progress could not be read, trying again: The device is restarting'),
    ).toBeInTheDocument();
    await nextPoll();
    expect(await screen.findByText('Restore: the PBX restarts')).toBeInTheDocument();
    await nextPoll();
    expect(await screen.findByText('The backup was restored and the PBX is back.')).toBeInTheDocument();
    // After the restart the system, its backups and its firmware are read again.
    await waitFor(() => expect(api.getSystemBySerial).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(api.getFirmware).toHaveBeenCalledTimes(2));
    expect(api.getBackups.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('sends the old backup password with a restore when one is entered', async () => {
    const user = userEvent.setup();
    const api = ownerApi();
    api.restoreBackup.mockResolvedValue(makeJob({ kind: 'restore', state: 'failed', message: 'Wrong password' }));
    renderTab(api);

    const date = formatDateTime('2026-11-26T02:00:00Z');
    await user.click(await screen.findByRole('button', { name: `Restore the backup of ${date}` }));
    const dialog = await screen.findByRole('dialog');
    // Same firmware: only the general note.
    expect(dialog).toHaveTextContent('A backup made with an older firmware version may not contain all settings');
    await user.type(within(dialog).getByLabelText('Backup password (optional)'), 'old-secret');
    await user.click(within(dialog).getByRole('button', { name: 'Restore and restart' }));
    expect(api.restoreBackup).toHaveBeenCalledWith('sys-1', 'bkp-1', { password: 'old-secret' });
    expect(await screen.findByText('Restore failed: Wrong password')).toBeInTheDocument();
  });

  it('deletes several selected backups after confirming', async () => {
    const user = userEvent.setup();
    const api = ownerApi();
    api.deleteBackups.mockResolvedValue({ deleted: ['bkp-1', 'bkp-0'] });
    renderTab(api);

    await screen.findByRole('table', { name: 'Available backups' });
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Select all backups' }));
    expect(screen.getByText('2 backups selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete 2 backups?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(api.deleteBackups).toHaveBeenCalledWith('sys-1', ['bkp-1', 'bkp-0']));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.getBackups).toHaveBeenCalledTimes(2);
  });

  it('keeps the delete dialog open with the reason when the server refuses', async () => {
    const user = userEvent.setup();
    const api = ownerApi();
    api.deleteBackups.mockRejectedValue(await responseError(502, 'Backup server unreachable'));
    renderTab(api);

    const date = formatDateTime('2026-11-20T02:00:00Z');
    await user.click(await screen.findByRole('checkbox', { name: `Select the backup of ${date}` }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete 1 backup?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(
      await within(dialog).findByText('The backups could not be deleted: Backup server unreachable'),
    ).toBeInTheDocument();
    expect(api.deleteBackups).toHaveBeenCalledWith('sys-1', ['bkp-0']);
  });

  it('says to set up remote backup on the COMtrexx when it is not configured', async () => {
    const api = ownerApi();
    api.getBackups.mockResolvedValue(
      makeBackupOverview({
        configured: false,
        serverAddress: null,
        backups: [],
        schedule: { interval: 'off', anchorTime: null, lastRun: null, nextRun: null },
        assurance: makeAssurance({ status: 'not_configured', lastSuccessAt: null, nextRunAt: null }),
      }),
    );
    renderTab(api);

    expect(await screen.findByText('Remote backup is not set up on this COMtrexx')).toBeInTheDocument();
    expect(screen.getByText(/Set up remote backup on the COMtrexx first/)).toBeInTheDocument();
    expect(screen.getByText('Not set up')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create backup now' })).toBeDisabled();
    expect(screen.queryByRole('table', { name: 'Available backups' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Interval for automatic backups/ })).not.toBeInTheDocument();
  });

  it('disables every backup action without the permissions and says why', async () => {
    const user = userEvent.setup();
    const api = ownerApi();
    // May see the backups, nothing more.
    api.getAccess.mockResolvedValue({
      entries: [],
      me: { roles: [], permissions: [cccSystemReadPermission.name, cccBackupReadPermission.name] },
    });
    renderTab(api);

    const create = await screen.findByRole('button', { name: 'Create backup now' });
    expect(create).toBeDisabled();
    const date = formatDateTime('2026-11-26T02:00:00Z');
    expect(screen.getByRole('button', { name: `Restore the backup of ${date}` })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: `Select the backup of ${date}` })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Select all backups' })).toBeDisabled();
    expect(screen.getByRole('button', { name: /Interval for automatic backups/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(screen.getByRole('radio', { name: 'Own rule for this system' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save retention' })).toBeDisabled();
    expect(await screen.findByRole('button', { name: 'Update now including restart' })).toBeDisabled();

    await user.hover(create.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Needs one of these roles on the system: Owner, Administrator, Backup',
    );
  });

  it('says which roles may see backups instead of loading them', async () => {
    const api = ownerApi();
    api.getAccess.mockResolvedValue(accessAs(['monitoring']));
    renderTab(api);

    expect(
      await screen.findByText('Needs one of these roles on the system: Owner, Administrator, Backup'),
    ).toBeInTheDocument();
    expect(api.getBackups).not.toHaveBeenCalled();
    // The firmware is part of the system's information; only updating it needs a role.
    expect(await screen.findByRole('button', { name: 'Update now including restart' })).toBeDisabled();
  });

  it('changes the interval of automatic backups', async () => {
    const user = userEvent.setup();
    const api = ownerApi();
    api.setBackupSchedule.mockResolvedValue(makeBackupOverview().schedule);
    renderTab(api);

    await user.click(await screen.findByRole('button', { name: /Interval for automatic backups/ }));
    await user.click(await screen.findByRole('option', { name: 'Weekly' }));
    await waitFor(() => expect(api.setBackupSchedule).toHaveBeenCalledWith('sys-1', 'weekly'));
    await waitFor(() => expect(api.getBackups).toHaveBeenCalledTimes(2));
  });

  it('saves an own retention rule and checks the limits first', async () => {
    const user = userEvent.setup();
    const api = ownerApi();
    api.setBackupRetention.mockResolvedValue({ keepLast: 10, keepDays: 30, source: 'system' });
    renderTab(api);

    await user.click(await screen.findByRole('radio', { name: 'Own rule for this system' }));
    await user.click(screen.getByRole('button', { name: 'Save retention' }));
    expect(screen.getByText('Set at least one limit, or choose the fleet default')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Keep the newest … backups' }), '0');
    await user.click(screen.getByRole('button', { name: 'Save retention' }));
    expect(screen.getByText('Enter a whole number from 1 to 1000')).toBeInTheDocument();
    expect(api.setBackupRetention).not.toHaveBeenCalled();

    await user.clear(screen.getByRole('textbox', { name: 'Keep the newest … backups' }));
    await user.type(screen.getByRole('textbox', { name: 'Keep the newest … backups' }), '10');
    await user.type(screen.getByRole('textbox', { name: 'Keep backups of the last … days' }), '30');
    await user.click(screen.getByRole('button', { name: 'Save retention' }));
    await waitFor(() =>
      expect(api.setBackupRetention).toHaveBeenCalledWith('sys-1', { keepLast: 10, keepDays: 30 }),
    );
  });

  it('returns a system to the fleet default retention', async () => {
    const user = userEvent.setup();
    const api = ownerApi();
    api.getBackups.mockResolvedValue(
      makeBackupOverview({ retention: { keepLast: 5, keepDays: null, source: 'system' } }),
    );
    api.setBackupRetention.mockResolvedValue({ keepLast: null, keepDays: null, source: 'fleet' });
    renderTab(api);

    expect(
      await screen.findByText('Applies now (own rule of this system): keep the newest 5 backups'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Keep the newest … backups' })).toHaveValue('5');
    await user.click(screen.getByRole('radio', { name: 'Fleet default' }));
    await user.click(screen.getByRole('button', { name: 'Save retention' }));
    await waitFor(() =>
      expect(api.setBackupRetention).toHaveBeenCalledWith('sys-1', { keepLast: null, keepDays: null }),
    );
  });

  it('follows a restore that is already running when the tab opens', async () => {
    const api = ownerApi();
    api.getBackups.mockResolvedValue(
      makeBackupOverview({ runningJob: makeJob({ kind: 'restore', phase: 'rebooting', progress: 100 }) }),
    );
    renderTab(api);

    expect(await screen.findByText('Restore: the PBX restarts')).toBeInTheDocument();
    const date = formatDateTime('2026-11-26T02:00:00Z');
    expect(screen.getByRole('button', { name: `Restore the backup of ${date}` })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Create backup now' })).toBeDisabled();
  });

  it('explains why a system that is not manageable has no backups', async () => {
    const api = ownerApi();
    const maintenance = { active: false, validUntil: null };
    const device = { model: 'COMtrexx Advanced', firmwareVersion: '2.6.1', maintenance };
    api.getSystemBySerial.mockResolvedValue(makeSystem({ device }));
    renderTab(api);

    expect(await screen.findByText('CCC functions are not available for this COMtrexx')).toBeInTheDocument();
    expect(api.getBackups).not.toHaveBeenCalled();
    expect(api.getFirmware).not.toHaveBeenCalled();
  });

  it('shows a failed backups request', async () => {
    const api = ownerApi();
    api.getBackups.mockRejectedValue(await responseError(502, 'The device did not answer'));
    renderTab(api);
    expect(await screen.findByText('The backups could not be loaded: The device did not answer')).toBeInTheDocument();
  });

  it('shows the empty list', async () => {
    const api = ownerApi();
    api.getBackups.mockResolvedValue(
      makeBackupOverview({ backups: [], assurance: makeAssurance({ status: 'never', lastSuccessAt: null }) }),
    );
    renderTab(api);
    expect(await screen.findByText('There are no backups on the backup server yet.')).toBeInTheDocument();
    expect(screen.getByText('No backup yet')).toBeInTheDocument();
    expect(screen.getByText(/Last successful backup: none yet/)).toBeInTheDocument();
  });
});
