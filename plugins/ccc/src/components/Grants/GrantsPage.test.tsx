import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, formatDateTime, makeGrant, responseError } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { GrantsPage } from './GrantsPage';

const grants = [
  makeGrant({ systemId: 'sys-1', systemName: 'Berlin HQ', subjectRef: 'user:default/ben', roles: ['monitoring'] }),
  makeGrant({
    systemId: 'sys-1',
    systemName: 'Berlin HQ',
    subjectRef: 'group:default/ops',
    roles: ['administrator', 'backup'],
  }),
  makeGrant({
    systemId: 'sys-2',
    systemName: 'Hamburg Office',
    serialNumber: 'H4MB0RG0001',
    subjectRef: 'user:default/carla',
    roles: ['callData'],
    updatedAt: '2026-11-25T12:30:00Z',
  }),
];

function renderPage() {
  const api = fakeCccApi();
  api.listMyGrants.mockResolvedValue(grants);
  renderInTestApp(<GrantsPage />, { apis: [[cccApiRef, api]] });
  return api;
}

function rowOf(label: string): HTMLElement {
  return screen.getByRole('checkbox', { name: label }).closest('tr')!;
}

describe('GrantsPage', () => {
  it('lists the grants the user gave', async () => {
    renderPage();
    expect(await screen.findByText('Hamburg Office')).toBeInTheDocument();
    const hamburg = within(rowOf('Select the grant of user:default/carla on Hamburg Office'));
    expect(hamburg.getByText('H4MB0RG0001')).toBeInTheDocument();
    expect(hamburg.getByText('Call data')).toBeInTheDocument();
    expect(hamburg.getByText(formatDateTime('2026-11-25T12:30:00Z'))).toBeInTheDocument();
    expect(
      within(rowOf('Select the grant of group:default/ops on Berlin HQ')).getByText('Administrator, Backup'),
    ).toBeInTheDocument();
  });

  it('revokes the selected grants in one request, only those still shown', async () => {
    const user = userEvent.setup();
    const api = renderPage();
    await screen.findByText('Hamburg Office');

    await user.click(
      screen.getByRole('checkbox', { name: 'Select the grant of user:default/carla on Hamburg Office' }),
    );
    await user.type(screen.getByRole('textbox', { name: /Filter by system/ }), 'berlin');
    // Hamburg is filtered away: its selection must not be revoked unseen.
    await user.click(screen.getByRole('checkbox', { name: 'Select all shown grants' }));
    expect(screen.getByText('2 grants selected')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke 2 grants?' });
    expect(within(confirm).getByText(/user:default\/ben – Monitoring/)).toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: 'Revoke' }));

    await waitFor(() =>
      expect(api.deleteGrants).toHaveBeenCalledWith([
        { systemId: 'sys-1', subjectRef: 'user:default/ben' },
        { systemId: 'sys-1', subjectRef: 'group:default/ops' },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.listMyGrants).toHaveBeenCalledTimes(2);
  });

  it('keeps the dialog open with the reason when revoking is refused', async () => {
    const user = userEvent.setup();
    const api = renderPage();
    api.deleteGrants.mockRejectedValue(await responseError(403, 'You may not revoke roles on Hamburg Office'));
    await screen.findByText('Hamburg Office');

    await user.click(
      screen.getByRole('checkbox', { name: 'Select the grant of user:default/carla on Hamburg Office' }),
    );
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke 1 grant?' });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    expect(
      await within(confirm).findByText('The grants could not be revoked: You may not revoke roles on Hamburg Office'),
    ).toBeInTheDocument();
  });

  it('changes the roles of a grant', async () => {
    const user = userEvent.setup();
    const api = renderPage();
    api.setGrant.mockResolvedValue(grants[2]);

    await user.click(
      await screen.findByRole('button', { name: 'Change the roles of user:default/carla on Hamburg Office' }),
    );
    const dialog = await screen.findByRole('dialog', { name: /Change the roles of user:default\/carla/ });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Monitoring' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.setGrant).toHaveBeenCalledWith('sys-2', {
        subjectRef: 'user:default/carla',
        roles: ['monitoring', 'callData'],
      }),
    );
  });

  it('shows the empty state and load errors', async () => {
    const api = fakeCccApi();
    renderInTestApp(<GrantsPage />, { apis: [[cccApiRef, api]] });
    expect(await screen.findByText('You have not granted any roles yet')).toBeInTheDocument();

    const failing = fakeCccApi();
    failing.listMyGrants.mockRejectedValue(await responseError(500, 'database down'));
    renderInTestApp(<GrantsPage />, { apis: [[cccApiRef, failing]] });
    expect(await screen.findByText('The grants could not be loaded: database down')).toBeInTheDocument();
  });
});
