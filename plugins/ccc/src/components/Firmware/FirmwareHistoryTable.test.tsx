import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { makeJob } from '../../__testUtils__/backupFakes';
import { fakeCccApi } from '../../__testUtils__/fakes';
import { makeRollout } from '../../__testUtils__/rolloutFakes';
import { cccApiRef } from '../../api/CccApi';
import { FirmwareHistoryTable } from './FirmwareHistoryTable';

describe('FirmwareHistoryTable', () => {
  it('names the rollout an update was part of', async () => {
    const api = fakeCccApi();
    api.getRollout.mockResolvedValue(
      makeRollout({ id: 'ro-7', name: 'Winter update' }),
    );
    const jobs = [
      makeJob({
        id: 'j2',
        kind: 'firmware',
        state: 'succeeded',
        rolloutId: 'ro-7',
        fromVersion: '2.6.0',
        toVersion: '2.6.2',
      }),
      makeJob({
        id: 'j1',
        kind: 'firmware',
        state: 'succeeded',
        fromVersion: '2.4.6',
        toVersion: '2.6.0',
      }),
    ];
    renderInTestApp(<FirmwareHistoryTable jobs={jobs} />, {
      apis: [[cccApiRef, api]],
    });
    expect(
      await screen.findByText('Rollout: Winter update'),
    ).toBeInTheDocument();
    expect(api.getRollout).toHaveBeenCalledTimes(1);
    expect(api.getRollout).toHaveBeenCalledWith('ro-7');
  });

  it('still says an update was part of a rollout when the rollout cannot be read', async () => {
    const api = fakeCccApi();
    api.getRollout.mockRejectedValue(new Error('gone'));
    renderInTestApp(
      <FirmwareHistoryTable
        jobs={[makeJob({ kind: 'firmware', rolloutId: 'ro-7' })]}
      />,
      { apis: [[cccApiRef, api]] },
    );
    expect(
      await screen.findByText('Part of a fleet rollout'),
    ).toBeInTheDocument();
  });
});
