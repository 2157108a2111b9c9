import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { CccAccessEntry } from '@internal/plugin-ccc-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { accessAs, fakeCccApi, makeAuditEvent, makeGrant, makeSystem, responseError } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { EntityCccAccessContent } from './EntityCccAccessContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'berlin-hq', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
  spec: { type: 'pbx', owner: 'group:default/telephony' },
};

const catalogUser = (name: string, displayName: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { displayName } },
});
const catalog = [
  catalogUser('anna', 'Anna Adler'),
  catalogUser('ben', 'Ben Berg'),
  catalogUser('carla', 'Carla Coelho'),
  { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'ops', namespace: 'default' }, spec: {} },
];

const entries: CccAccessEntry[] = [
  { subjectRef: 'user:default/anna', role: 'owner', source: { kind: 'owner' } },
  { subjectRef: 'user:default/ben', role: 'monitoring', source: { kind: 'grant', subjectRef: 'user:default/ben' } },
  { subjectRef: 'user:default/ben', role: 'backup', source: { kind: 'grant', subjectRef: 'user:default/ben' } },
  { subjectRef: 'group:default/ops', role: 'callData', source: { kind: 'grant', subjectRef: 'group:default/ops' } },
  {
    subjectRef: 'user:default/carla',
    role: 'monitoring',
    source: { kind: 'userGroup', groupId: 'grp-1', groupName: 'Night shift' },
  },
];

function renderTab(api: ReturnType<typeof fakeCccApi>) {
  renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityCccAccessContent />
    </EntityProvider>,
    {
      apis: [
        [cccApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: catalog })],
        [permissionApiRef, mockApis.permission()],
      ],
    },
  );
}

/** The row of the access table whose subject cell shows `name`. */
function accessRow(name: RegExp | string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Who has access' });
  return within(table).getByRole('rowheader', { name }).closest('tr')!;
}

function ownerApi() {
  const api = fakeCccApi();
  api.getSystemBySerial.mockResolvedValue(makeSystem());
  api.getAccess.mockResolvedValue(accessAs(['owner'], entries));
  return api;
}

describe('EntityCccAccessContent', () => {
  it('lists who holds which role through what, with the role table and the audit trail', async () => {
    const api = ownerApi();
    api.listSystemAudit.mockResolvedValue([makeAuditEvent()]);
    renderTab(api);

    expect(await screen.findByRole('table', { name: 'Who has access' })).toBeInTheDocument();
    expect(api.getAccess).toHaveBeenCalledWith('sys-1');
    expect(screen.getByText('Your roles: Owner')).toBeInTheDocument();

    const owner = within(accessRow(/anna/)).getAllByRole('cell');
    expect(owner[0]).toHaveTextContent('Owner');
    expect(owner[1]).toHaveTextContent('Ownership');
    const ben = within(accessRow(/ben/)).getAllByRole('cell');
    expect(ben[0]).toHaveTextContent('Monitoring, Backup');
    expect(ben[1]).toHaveTextContent('Direct grant');
    expect(within(accessRow(/ops/)).getAllByRole('cell')[1]).toHaveTextContent('Grant to the catalog group');
    expect(within(accessRow(/carla/)).getAllByRole('cell')[1]).toHaveTextContent('User group Night shift');
    // Only direct grants can be changed here; ownership and user-group roles cannot.
    expect(within(accessRow(/anna/)).queryByRole('button')).not.toBeInTheDocument();
    expect(within(accessRow(/carla/)).queryByRole('button')).not.toBeInTheDocument();

    const roles = screen.getByRole('table', { name: 'Roles and permissions' });
    const deleteRow = within(roles).getByRole('rowheader', { name: 'Delete the system' }).closest('tr')!;
    expect(within(deleteRow).getByLabelText('Owner: allowed')).toBeInTheDocument();
    expect(within(deleteRow).getByLabelText('Administrator: not allowed')).toBeInTheDocument();

    const audit = await screen.findByRole('table', { name: 'Audit trail' });
    expect(within(audit).getByText('Roles granted')).toBeInTheDocument();
    expect(within(audit).getByText('subjectRef: user:default/ben; roles: Monitoring')).toBeInTheDocument();
  });

  it('grants roles to a catalog group picked from the catalog', async () => {
    const user = userEvent.setup();
    const api = ownerApi();
    api.setGrant.mockResolvedValue(makeGrant({ subjectRef: 'group:default/ops', roles: ['administrator'] }));
    renderTab(api);

    await user.click(await screen.findByRole('button', { name: 'Grant roles' }));
    const dialog = await screen.findByRole('dialog', { name: 'Grant roles on Berlin HQ' });

    // Nothing chosen yet: the dialog says what is missing and sends nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Grant' }));
    expect(within(dialog).getByText('Choose a user or group')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose at least one role')).toBeInTheDocument();
    expect(api.setGrant).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('textbox', { name: /User or group/ }));
    // Users and groups are both offered.
    expect(await screen.findByRole('option', { name: /Ben Berg/ })).toBeInTheDocument();
    await user.click(screen.getByRole('option', { name: /group:default\/ops/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Administrator' }));
    await user.click(within(dialog).getByRole('button', { name: 'Grant' }));

    await waitFor(() =>
      expect(api.setGrant).toHaveBeenCalledWith('sys-1', { subjectRef: 'group:default/ops', roles: ['administrator'] }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.getAccess).toHaveBeenCalledTimes(2);
  });

  it('changes and revokes a direct grant', async () => {
    const user = userEvent.setup();
    const api = ownerApi();
    api.setGrant.mockResolvedValue(makeGrant({ roles: ['backup'] }));
    renderTab(api);

    await user.click(await screen.findByRole('button', { name: 'Change the roles of user:default/ben' }));
    const dialog = await screen.findByRole('dialog', { name: /Change the roles of user:default\/ben/ });
    expect(within(dialog).getByRole('checkbox', { name: 'Monitoring' })).toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Monitoring' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.setGrant).toHaveBeenCalledWith('sys-1', { subjectRef: 'user:default/ben', roles: ['backup'] }),
    );

    await user.click(await screen.findByRole('button', { name: 'Revoke the roles of user:default/ben' }));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke the roles of user:default/ben?' });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    expect(api.revokeGrant).toHaveBeenCalledWith('sys-1', 'user:default/ben');
  });

  it('shows why a refused revoke failed and keeps the dialog open', async () => {
    const user = userEvent.setup();
    const api = ownerApi();
    api.revokeGrant.mockRejectedValue(await responseError(404, 'user:default/ben has no roles granted on system'));
    renderTab(api);

    await user.click(await screen.findByRole('button', { name: 'Revoke the roles of user:default/ben' }));
    const confirm = await screen.findByRole('dialog', { name: /Revoke the roles/ });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    expect(
      await within(confirm).findByText(
        'The roles could not be revoked: user:default/ben has no roles granted on system',
      ),
    ).toBeInTheDocument();
  });

  it('hands the system to another user (owner only)', async () => {
    const user = userEvent.setup();
    const api = ownerApi();
    api.transferOwnership.mockResolvedValue({ ownerRef: 'user:default/carla' });
    renderTab(api);

    await user.click(await screen.findByRole('button', { name: 'Transfer ownership' }));
    const dialog = await screen.findByRole('dialog', { name: 'Transfer Berlin HQ' });
    await user.click(within(dialog).getByRole('textbox', { name: /New owner/ }));
    // Only users, and not the current owner.
    expect(await screen.findByRole('option', { name: /Carla Coelho/ })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /Anna Adler/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /ops/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('option', { name: /Carla Coelho/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));

    await waitFor(() => expect(api.transferOwnership).toHaveBeenCalledWith('sys-1', 'user:default/carla'));
    // The system (owner) and the access list are read again.
    await waitFor(() => expect(api.getSystemBySerial).toHaveBeenCalledTimes(2));
  });

  it('disables granting, revoking and transfer without the permissions and says why', async () => {
    const user = userEvent.setup();
    const api = ownerApi();
    api.getAccess.mockResolvedValue(accessAs(['monitoring'], entries));
    renderTab(api);

    const grant = await screen.findByRole('button', { name: 'Grant roles' });
    expect(grant).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Transfer ownership' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Revoke the roles of user:default/ben' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Change the roles of user:default/ben' })).toBeDisabled();

    await user.hover(grant.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Needs one of these roles on the system: Owner, Administrator',
    );
    // Monitoring may not read the audit trail either; the card says who may.
    expect(api.listSystemAudit).not.toHaveBeenCalled();
    expect(screen.getByText('Your roles: Monitoring')).toBeInTheDocument();
  });

  it('loads older audit events with "Load more"', async () => {
    const user = userEvent.setup();
    const api = ownerApi();
    const firstPage = Array.from({ length: 50 }, (_, i) => makeAuditEvent({ id: 200 - i }));
    api.listSystemAudit
      .mockResolvedValueOnce(firstPage)
      .mockResolvedValueOnce([makeAuditEvent({ id: 3, action: 'system.register', details: {} })]);
    renderTab(api);

    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('System registered')).toBeInTheDocument();
    expect(api.listSystemAudit).toHaveBeenNthCalledWith(1, 'sys-1', { limit: 50, before: undefined });
    expect(api.listSystemAudit).toHaveBeenNthCalledWith(2, 'sys-1', { limit: 50, before: 151 });
    // A short page means there is nothing older.
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('explains an unregistered serial number', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockRejectedValue(await responseError(404, 'No system with serial number A1B2C3D4E5'));
    renderTab(api);
    expect(await screen.findByText('This COMtrexx is not registered in the CCC (any more)')).toBeInTheDocument();
    expect(api.getAccess).not.toHaveBeenCalled();
  });

  it('shows a failed access request', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.getAccess.mockRejectedValue(await responseError(500, 'database down'));
    renderTab(api);
    expect(await screen.findByText('Who has access could not be loaded: database down')).toBeInTheDocument();
  });
});
