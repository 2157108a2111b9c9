import { Entity } from '@backstage/catalog-model';
import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, makeGroup, makeGroupDetails, makeSystem, responseError } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { UserGroupsPage } from './UserGroupsPage';

const groups = [
  // Anna's own public group, she is no member.
  makeGroup({ id: 'own', name: 'Night shift', ownerRef: 'user:default/anna', memberCount: 2, systemCount: 1 }),
  // Someone else's public group anna is in.
  makeGroup({
    id: 'joined',
    name: 'Backup team',
    description: 'Restores on weekends',
    defaultRole: 'backup',
    ownerRef: 'user:default/ben',
    member: true,
    memberCount: 5,
    systemCount: 3,
    createdAt: '2026-09-01T08:00:00Z',
  }),
  // Someone else's public group anna could join.
  makeGroup({
    id: 'open',
    name: 'Accounting',
    description: 'Call data for invoices',
    defaultRole: 'callData',
    ownerRef: 'user:default/ben',
    memberCount: 1,
    systemCount: 7,
    createdAt: '2026-11-01T08:00:00Z',
  }),
  // Someone else's private group: no joining.
  makeGroup({
    id: 'closed',
    name: 'Admins',
    defaultRole: 'administrator',
    visibility: 'private',
    ownerRef: 'user:default/carla',
    memberCount: 3,
    systemCount: 0,
  }),
];

const carla: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'carla', namespace: 'default' },
  spec: { profile: { displayName: 'Carla Coelho' } },
};

function renderPage(api = fakeCccApi()) {
  api.listUserGroups.mockResolvedValue(groups);
  renderInTestApp(<UserGroupsPage />, {
    apis: [
      [cccApiRef, api],
      [identityApiRef, mockApis.identity({ userEntityRef: 'user:default/anna' })],
      [catalogApiRef, catalogApiMock({ entities: [carla] })],
    ],
  });
  return api;
}

function rowOf(name: string): HTMLElement {
  return screen.getByRole('rowheader', { name }).closest('tr')!;
}

/** The group names in table order. */
function shownNames(): string[] {
  return within(screen.getByRole('table', { name: 'User groups' }))
    .getAllByRole('rowheader')
    .map(cell => cell.textContent ?? '');
}

describe('UserGroupsPage', () => {
  it('lists the groups with their fields and offers joining only public groups the user is not in', async () => {
    renderPage();
    expect(await screen.findByRole('rowheader', { name: 'Accounting' })).toBeInTheDocument();

    const accounting = within(rowOf('Accounting'));
    expect(accounting.getByText('Call data for invoices')).toBeInTheDocument();
    expect(accounting.getByText('Call data')).toBeInTheDocument();
    expect(accounting.getByText('Public')).toBeInTheDocument();
    expect(accounting.getByText('7')).toBeInTheDocument();
    expect(accounting.getByRole('button', { name: 'Join' })).toBeInTheDocument();
    expect(accounting.queryByRole('button', { name: 'Leave' })).not.toBeInTheDocument();

    expect(within(rowOf('Admins')).getByText('Private')).toBeInTheDocument();
    expect(within(rowOf('Admins')).queryByRole('button', { name: 'Join' })).not.toBeInTheDocument();
    expect(within(rowOf('Backup team')).queryByRole('button', { name: 'Join' })).not.toBeInTheDocument();
    expect(within(rowOf('Backup team')).getByRole('button', { name: 'Leave' })).toBeInTheDocument();
    expect(within(rowOf('Night shift')).getByText(/\(you\)/)).toBeInTheDocument();
    // Only the owner may edit or select (for deleting) a group.
    expect(within(rowOf('Night shift')).getByRole('button', { name: 'Edit Night shift' })).toBeInTheDocument();
    expect(within(rowOf('Accounting')).queryByRole('button', { name: 'Edit Accounting' })).not.toBeInTheDocument();
    expect(within(rowOf('Accounting')).getByRole('checkbox', { name: 'Select Accounting' })).toBeDisabled();
  });

  it('joins and leaves groups', async () => {
    const user = userEvent.setup();
    const api = renderPage();
    api.joinUserGroup.mockResolvedValue({ ...groups[2], member: true });

    await screen.findByRole('rowheader', { name: 'Accounting' });
    await user.click(within(rowOf('Accounting')).getByRole('button', { name: 'Join' }));
    expect(api.joinUserGroup).toHaveBeenCalledWith('open');
    await waitFor(() => expect(api.listUserGroups).toHaveBeenCalledTimes(2));

    await user.click(within(rowOf('Backup team')).getByRole('button', { name: 'Leave' }));
    const confirm = await screen.findByRole('dialog', { name: 'Leave Backup team?' });
    await user.click(within(confirm).getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(api.leaveUserGroup).toHaveBeenCalledWith('joined'));
  });

  it('names the group when joining is refused', async () => {
    const user = userEvent.setup();
    const api = renderPage();
    api.joinUserGroup.mockRejectedValue(await responseError(409, 'You are already a member of Accounting'));
    await screen.findByRole('rowheader', { name: 'Accounting' });
    await user.click(within(rowOf('Accounting')).getByRole('button', { name: 'Join' }));
    expect(await screen.findByText('Accounting: You are already a member of Accounting')).toBeInTheDocument();
  });

  it('filters, switches views and sorts', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('rowheader', { name: 'Accounting' });
    expect(shownNames()).toEqual(['Accounting', 'Admins', 'Backup team', 'Night shift']);

    await user.click(screen.getByRole('button', { name: 'Members' }));
    expect(shownNames()).toEqual(['Accounting', 'Night shift', 'Admins', 'Backup team']);
    await user.click(screen.getByRole('button', { name: 'Members' }));
    expect(shownNames()).toEqual(['Backup team', 'Admins', 'Night shift', 'Accounting']);

    await user.click(screen.getByRole('button', { name: 'Groups I own' }));
    expect(shownNames()).toEqual(['Night shift']);
    await user.click(screen.getByRole('button', { name: 'Groups I am in' }));
    expect(shownNames()).toEqual(['Backup team']);
    await user.click(screen.getByRole('button', { name: 'All groups' }));

    await user.type(screen.getByRole('textbox', { name: /Filter by name/ }), 'invoices');
    expect(shownNames()).toEqual(['Accounting']);
  });

  it('checks the new group before creating it', async () => {
    const user = userEvent.setup();
    const api = renderPage();
    api.createUserGroup.mockResolvedValue(makeGroup({ id: 'new', name: 'Weekend' }));

    await user.click(await screen.findByRole('button', { name: 'Create group' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a user group' });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByText('Enter a name for the group')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('textbox', { name: /Name/ }));
    await user.paste('x'.repeat(101));
    await user.tab();
    expect(within(dialog).getByText('The name may have at most 100 characters')).toBeInTheDocument();
    expect(api.createUserGroup).not.toHaveBeenCalled();

    await user.clear(within(dialog).getByRole('textbox', { name: /Name/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), '  Weekend ');
    await user.type(within(dialog).getByRole('textbox', { name: /Description/ }), 'Saturday and Sunday');
    await user.click(within(dialog).getByRole('button', { name: /Default role/ }));
    await user.click(await screen.findByRole('option', { name: 'Backup' }));
    await user.click(within(dialog).getByRole('radio', { name: /Private/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(api.createUserGroup).toHaveBeenCalledWith({
        name: 'Weekend',
        description: 'Saturday and Sunday',
        defaultRole: 'backup',
        visibility: 'private',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('edits an own group, sending only what changed', async () => {
    const user = userEvent.setup();
    const api = renderPage();
    api.updateUserGroup.mockResolvedValue({ ...groups[0], visibility: 'private' });

    await user.click(await screen.findByRole('button', { name: 'Edit Night shift' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Night shift' });
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.click(within(dialog).getByRole('radio', { name: /Private/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.updateUserGroup).toHaveBeenCalledWith('own', { visibility: 'private' }));
  });

  it('deletes selected own groups at once', async () => {
    const user = userEvent.setup();
    const api = renderPage();
    await screen.findByRole('rowheader', { name: 'Accounting' });

    // "Select all" takes only the groups the user owns.
    await user.click(screen.getByRole('checkbox', { name: 'Select all shown groups you own' }));
    expect(screen.getByText('1 group selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete 1 user group?' });
    expect(within(confirm).getByText('Night shift')).toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.deleteUserGroups).toHaveBeenCalledWith(['own']));
  });

  it('manages members and systems of an own group in its dialog', async () => {
    const user = userEvent.setup();
    const api = renderPage();
    const details = makeGroupDetails({ id: 'own' });
    api.getUserGroup.mockResolvedValue(details);
    api.listSystems.mockResolvedValue([
      makeSystem(),
      makeSystem({ id: 'sys-2', name: 'Hamburg Office', serialNumber: 'H4MB0RG0001' }),
    ]);
    api.setUserGroupMember.mockResolvedValue(details);
    api.addUserGroupSystem.mockResolvedValue(details);

    await user.click(await screen.findByRole('button', { name: 'Members and systems of Night shift' }));
    const dialog = await screen.findByRole('dialog', { name: 'Night shift' });
    expect(await within(dialog).findByRole('table', { name: 'Members' })).toBeInTheDocument();
    expect(api.getUserGroup).toHaveBeenCalledWith('own');

    // Ben's only role cannot be taken away; Carla's backup role can.
    expect(within(dialog).getByRole('checkbox', { name: 'Monitoring for user:default/ben' })).toBeDisabled();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Backup for user:default/carla' }));
    await waitFor(() =>
      expect(api.setUserGroupMember).toHaveBeenCalledWith('own', {
        memberRef: 'user:default/carla',
        roles: ['monitoring'],
      }),
    );

    await user.click(within(dialog).getByRole('button', { name: 'Remove user:default/ben' }));
    await waitFor(() => expect(api.removeUserGroupMember).toHaveBeenCalledWith('own', 'user:default/ben'));

    // Berlin HQ is assigned already; only Hamburg is offered.
    await user.click(await within(dialog).findByRole('textbox', { name: /System/ }));
    expect(screen.queryByRole('option', { name: /Berlin HQ/ })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('option', { name: /Hamburg Office/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Add system' }));
    await waitFor(() => expect(api.addUserGroupSystem).toHaveBeenCalledWith('own', 'sys-2'));

    await user.click(within(dialog).getByRole('button', { name: 'Remove Berlin HQ from the group' }));
    await waitFor(() => expect(api.removeUserGroupSystem).toHaveBeenCalledWith('own', 'sys-1'));
  });

  it('shows members read-only to a member who does not own the group', async () => {
    const user = userEvent.setup();
    const api = renderPage();
    api.getUserGroup.mockResolvedValue(
      makeGroupDetails({ id: 'joined', name: 'Backup team', ownerRef: 'user:default/ben' }),
    );

    await user.click(await screen.findByRole('button', { name: 'Members and systems of Backup team' }));
    const dialog = await screen.findByRole('dialog', { name: 'Backup team' });
    expect(
      await within(dialog).findByText('Only the owner of the group changes its members and systems.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('checkbox', { name: 'Backup for user:default/carla' })).toBeDisabled();
    expect(within(dialog).queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    expect(api.listSystems).not.toHaveBeenCalled();
  });

  it('shows the empty state with a create button', async () => {
    const api = fakeCccApi();
    renderInTestApp(<UserGroupsPage />, {
      apis: [
        [cccApiRef, api],
        [identityApiRef, mockApis.identity({ userEntityRef: 'user:default/anna' })],
      ],
    });
    expect(await screen.findByText('No user groups yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create group' })).toBeInTheDocument();
  });
});
