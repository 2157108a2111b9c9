import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeCccApi,
  makeGroup,
  makeSystem,
  responseError,
} from '../../__testUtils__/fakes';
import { makeCounts, makeRollout } from '../../__testUtils__/rolloutFakes';
import { cccApiRef } from '../../api/CccApi';
import { RolloutsPage } from './RolloutsPage';

function renderPage(api = fakeCccApi()) {
  renderInTestApp(<RolloutsPage />, {
    apis: [
      [cccApiRef, api],
      [
        identityApiRef,
        mockApis.identity({ userEntityRef: 'user:default/anna' }),
      ],
    ],
  });
  return api;
}

describe('RolloutsPage', () => {
  it('lists rollouts with state and progress, and says when a closed window opens', async () => {
    const api = fakeCccApi();
    api.listRollouts.mockResolvedValue([
      makeRollout({ windowOpen: false, nextWindowAt: '2026-11-27T21:00:00Z' }),
      makeRollout({
        id: 'ro-0',
        name: 'Autumn update',
        state: 'stopped',
        finishedAt: '2026-10-01T09:00:00Z',
        counts: makeCounts({ failed: 1, cancelled: 4 }),
      }),
    ]);
    renderPage(api);
    const table = await screen.findByRole('table', {
      name: 'Firmware rollouts',
    });
    const winter = within(
      within(table)
        .getByRole('rowheader', { name: 'Winter update' })
        .closest('tr')!,
    ).getAllByRole('cell');
    expect(winter[0]).toHaveTextContent('Running');
    expect(winter[0]).toHaveTextContent('Waiting for the update window');
    expect(winter[1]).toHaveTextContent('1 of 3 done');
    expect(winter[1]).toHaveTextContent('1 updated, 1 running, 1 waiting');
    const autumn = within(
      within(table)
        .getByRole('rowheader', { name: 'Autumn update' })
        .closest('tr')!,
    ).getAllByRole('cell');
    expect(autumn[0]).toHaveTextContent('Stopped');
    expect(autumn[1]).toHaveTextContent('5 of 5 done');
  });

  it('shows an empty state naming the roles needed, and a load error', async () => {
    renderPage();
    expect(await screen.findByText('No rollouts yet')).toBeInTheDocument();
    expect(
      screen.getByText(
        /You need one of the roles Owner, Administrator on every system/,
      ),
    ).toBeInTheDocument();

    const failing = fakeCccApi();
    failing.listRollouts.mockRejectedValue(
      await responseError(500, 'database gone'),
    );
    renderPage(failing);
    expect(
      await screen.findByText(
        'The rollouts could not be loaded: database gone',
      ),
    ).toBeInTheDocument();
  });

  it('shows a rollout per wave and per system, and pauses it', async () => {
    const api = fakeCccApi();
    const rollout = makeRollout();
    api.listRollouts.mockResolvedValue([rollout]);
    api.getRollout.mockResolvedValue(rollout);
    api.pauseRollout.mockResolvedValue({
      ...rollout,
      state: 'paused',
      updatedAt: '2026-11-27T08:11:00Z',
    });
    renderPage(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Winter update' }),
    );

    expect(
      await screen.findByText(/Wave 1 · Canary — 1 of 1 done/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Wave 2 · current — 0 of 2 done \(1 running, 1 waiting\)/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Progress of wave 1' }),
    ).toHaveAttribute('aria-valuenow', '100');
    const systems = screen.getByRole('table', { name: 'Systems' });
    expect(
      within(
        within(systems)
          .getByRole('rowheader', { name: 'Munich' })
          .closest('tr')!,
      ).getAllByRole('cell')[2],
    ).toHaveTextContent('Updating');
    // A system the user may not see has no name or serial number.
    expect(
      within(systems).getByRole('rowheader', {
        name: 'A system you may not see',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Updates may start at any time'),
    ).toBeInTheDocument();

    expect(screen.getByRole('button', { name: 'Resume' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(api.pauseRollout).toHaveBeenCalledWith('ro-1');
    expect(await screen.findByText('Paused')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resume' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Pause' })).toBeDisabled();
  });

  it('disables the controls with the reason for someone who may not update every system', async () => {
    const api = fakeCccApi();
    const rollout = makeRollout({ mayControl: false });
    api.listRollouts.mockResolvedValue([rollout]);
    api.getRollout.mockResolvedValue(rollout);
    renderPage(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Winter update' }),
    );
    const abort = await screen.findByRole('button', { name: 'Abort' });
    expect(abort).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Pause' })).toBeDisabled();
    await userEvent.hover(abort.parentElement!);
    expect(
      await screen.findByText(
        'Needs one of the roles Owner, Administrator on every system of the rollout',
      ),
    ).toBeInTheDocument();
  });

  it('aborts after confirmation and shows a refusal', async () => {
    const api = fakeCccApi();
    const rollout = makeRollout();
    api.listRollouts.mockResolvedValue([rollout]);
    api.getRollout.mockResolvedValue(rollout);
    api.abortRollout.mockRejectedValueOnce(
      await responseError(
        409,
        'Winter update is completed; only a running or paused rollout can be aborted',
      ),
    );
    api.abortRollout.mockResolvedValueOnce({
      ...rollout,
      state: 'aborted',
      message: 'Aborted by user:default/anna',
      updatedAt: '2026-11-27T08:12:00Z',
    });
    renderPage(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Winter update' }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Abort' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Abort Winter update?',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Abort rollout' }),
    );
    expect(
      await within(dialog).findByText(
        /only a running or paused rollout can be aborted/,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Abort rollout' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(
      await screen.findByText('Aborted by user:default/anna'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Abort' })).toBeDisabled();
  });

  it('creates a rollout from picked systems after a preview, then shows it', async () => {
    const api = fakeCccApi([
      makeSystem(),
      makeSystem({ id: 'sys-2', name: 'Munich', serialNumber: 'B2C3D4E5F6' }),
      makeSystem({
        id: 'sys-9',
        name: 'Old box',
        serialNumber: 'C3D4E5F6A7',
        paired: false,
        device: null,
        state: 'token_pending',
      }),
    ]);
    api.listUserGroups.mockResolvedValue([makeGroup({ member: true })]);
    api.planRollout.mockResolvedValue({
      waves: [
        [
          {
            systemId: 'sys-1',
            name: 'Berlin HQ',
            serialNumber: 'A1B2C3D4E5',
            firmwareVersion: '2.6.1',
          },
        ],
        [
          {
            systemId: 'sys-2',
            name: 'Munich',
            serialNumber: 'B2C3D4E5F6',
            firmwareVersion: '2.6.1',
          },
        ],
      ],
      windowOpen: true,
      nextWindowAt: null,
    });
    const created = makeRollout({ id: 'ro-2', name: 'December' });
    api.createRollout.mockRejectedValueOnce(
      await responseError(
        403,
        'You are not allowed to update the firmware on Munich',
      ),
    );
    api.createRollout.mockResolvedValueOnce(created);
    api.getRollout.mockResolvedValue(created);
    renderPage(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'New rollout' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'New firmware rollout',
    });
    expect(
      within(dialog).getByRole('button', { name: 'Start rollout' }),
    ).toBeDisabled();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Name' }),
      'December',
    );
    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'Pick systems' }),
    );
    // Only systems the CCC can manage are offered.
    expect(
      within(dialog).queryByRole('checkbox', { name: /Old box/ }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: /Berlin HQ/ }),
    );
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: /Munich/ }),
    );
    const batch = within(dialog).getByRole('spinbutton', {
      name: 'Batch size',
    });
    await userEvent.clear(batch);
    await userEvent.type(batch, '3');

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Preview' }),
    );
    expect(
      await within(dialog).findByText('2 system(s) in 2 wave(s)'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Wave 1: Berlin HQ')).toBeInTheDocument();
    expect(
      within(dialog).getByText('The update window is open now.'),
    ).toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start rollout' }),
    );
    expect(
      await within(dialog).findByText(
        'The rollout could not be started: You are not allowed to update the firmware on Munich',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start rollout' }),
    );
    expect(api.createRollout).toHaveBeenLastCalledWith({
      name: 'December',
      selection: { kind: 'systems', systemIds: ['sys-1', 'sys-2'] },
      canarySize: 1,
      batchSize: 3,
      maxFailuresPerWave: 1,
      window: null,
    });
    // The new rollout opens.
    expect(
      await screen.findByRole('table', { name: 'Systems' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'All rollouts' }),
    ).toBeInTheDocument();
    expect(api.getRollout).toHaveBeenCalledWith('ro-2');
  });

  it('lists at most 100 systems to pick from a large fleet and finds the others by search', async () => {
    const fleet = Array.from({ length: 150 }, (_, i) =>
      makeSystem({
        id: `sys-${i}`,
        name: `PBX ${String(i).padStart(3, '0')}`,
        serialNumber: `CTX0000${String(1000 + i)}`,
      }),
    );
    const api = fakeCccApi(fleet);
    api.listUserGroups.mockResolvedValue([]);
    renderPage(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'New rollout' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'New firmware rollout',
    });
    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'Pick systems' }),
    );
    expect(
      await within(dialog).findAllByRole('checkbox', { name: /^PBX / }),
    ).toHaveLength(100);
    expect(
      within(dialog).getByText(
        'Showing 100 of 150 systems; search to find the others.',
      ),
    ).toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: /^PBX 000 / }),
    );
    const search = within(dialog).getByRole('textbox', {
      name: 'Search by name or serial number',
    });
    await userEvent.type(search, 'pbx 14');
    expect(
      within(dialog)
        .getAllByRole('checkbox', { name: /^PBX / })
        .map(box => box.closest('label')?.textContent?.slice(0, 7)),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `PBX 14${i}`));
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: /^PBX 149 / }),
    );
    // What was chosen before the search stays chosen.
    expect(within(dialog).getByText('2 systems chosen')).toBeInTheDocument();

    await userEvent.clear(search);
    await userEvent.type(search, 'Vienna');
    expect(
      within(dialog).getByText('No system matches the search.'),
    ).toBeInTheDocument();
  });

  it('sends a window with the chosen days and hours', async () => {
    const api = fakeCccApi([makeSystem()]);
    api.createRollout.mockResolvedValue(makeRollout());
    api.getRollout.mockResolvedValue(makeRollout());
    renderPage(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'New rollout' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'New firmware rollout',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Name' }),
      'Nights',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', {
        name: 'Name or serial number contains',
      }),
      'berlin',
    );
    await userEvent.click(
      within(dialog).getByRole('checkbox', {
        name: 'Only within an update window',
      }),
    );
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Fri' }),
    );
    const timeZone = within(dialog).getByRole('textbox', { name: 'Time zone' });
    await userEvent.clear(timeZone);
    await userEvent.type(timeZone, 'Europe/Berlin');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start rollout' }),
    );
    await waitFor(() => expect(api.createRollout).toHaveBeenCalled());
    expect(api.createRollout.mock.calls[0][0]).toMatchObject({
      selection: { kind: 'filter', filter: { text: 'berlin' } },
      window: {
        days: [1, 2, 3, 4],
        fromHour: 22,
        toHour: 24,
        timeZone: 'Europe/Berlin',
        endAt: null,
      },
    });
  });
});
