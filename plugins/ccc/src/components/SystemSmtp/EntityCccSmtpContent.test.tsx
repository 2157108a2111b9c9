import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, makeSystem, responseError } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { EntityCccSmtpContent } from './EntityCccSmtpContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'berlin-hq', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
  spec: { type: 'pbx', owner: 'group:default/telephony' },
};

const office = { id: '5f0c7a52-3d1e-4b8a-9c2f-1a2b3c4d5e6f', name: 'Office mail', isDefault: true };
const relay = { id: '0b9e2c1d-7a6f-4e5d-8c3b-2a1f0e9d8c7b', name: 'Backup relay', isDefault: false };

// Permissions are allowed throughout this file: usePermission caches answers per module.
function renderTab(api: ReturnType<typeof fakeCccApi>, e: Entity = entity) {
  renderInTestApp(
    <EntityProvider entity={e}>
      <EntityCccSmtpContent />
    </EntityProvider>,
    {
      apis: [
        [cccApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ],
    },
  );
}

function apiWith(smtp: { assigned: typeof office | null; effective: typeof office | null }) {
  const api = fakeCccApi();
  api.getSystemBySerial.mockResolvedValue(makeSystem());
  api.getSystemSmtp.mockResolvedValue(smtp);
  // A system administrator who is no fleet administrator sees the names only.
  api.listSmtpServers.mockResolvedValue({ details: false, items: [office, relay] });
  return api;
}

describe('EntityCccSmtpContent', () => {
  it('shows the effective server and assigns another one', async () => {
    const user = userEvent.setup();
    const api = apiWith({ assigned: null, effective: office });
    api.assignSystemSmtp.mockResolvedValue({ assigned: relay, effective: relay });
    renderTab(api);

    expect(await screen.findByTestId('ccc-smtp-effective')).toHaveTextContent('Office mail (default server)');
    expect(screen.getByTestId('ccc-smtp-assigned')).toHaveTextContent('None; the default server is used');
    expect(api.getSystemSmtp).toHaveBeenCalledWith('sys-1');
    // Nothing of its own to remove yet.
    expect(screen.queryByRole('button', { name: 'Use the default server' })).not.toBeInTheDocument();

    const assign = screen.getByRole('button', { name: 'Assign' });
    expect(assign).toBeDisabled();
    await user.click(await screen.findByRole('button', { name: /SMTP server/ }));
    await user.click(await screen.findByRole('option', { name: 'Backup relay' }));
    await waitFor(() => expect(assign).toBeEnabled());
    await user.click(assign);

    await waitFor(() => expect(api.assignSystemSmtp).toHaveBeenCalledWith('sys-1', relay.id));
    await waitFor(() => expect(api.getSystemSmtp).toHaveBeenCalledTimes(2));
  });

  it('removes the assignment so that the default server is used', async () => {
    const user = userEvent.setup();
    const api = apiWith({ assigned: relay, effective: relay });
    api.unassignSystemSmtp.mockResolvedValue({ assigned: null, effective: office });
    renderTab(api);

    expect(await screen.findByTestId('ccc-smtp-assigned')).toHaveTextContent('Backup relay');
    expect(screen.getByTestId('ccc-smtp-effective')).toHaveTextContent('Backup relay');
    // The own server is chosen already: assigning it again would change nothing.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Use the default server' })).toBeEnabled());
    expect(screen.getByRole('button', { name: 'Assign' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Use the default server' }));
    await waitFor(() => expect(api.unassignSystemSmtp).toHaveBeenCalledWith('sys-1'));
    await waitFor(() => expect(api.getSystemSmtp).toHaveBeenCalledTimes(2));
  });

  it("shows the backend's refusal", async () => {
    const user = userEvent.setup();
    const refused = await responseError(409, 'This system has no SMTP server of its own');
    const api = apiWith({ assigned: relay, effective: relay });
    api.unassignSystemSmtp.mockRejectedValue(refused);
    renderTab(api);

    await waitFor(() => expect(screen.getByRole('button', { name: 'Use the default server' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Use the default server' }));
    expect(
      await screen.findByText('The change failed: This system has no SMTP server of its own'),
    ).toBeInTheDocument();
  });

  it('warns when warnings have nowhere to go, and when no server is set up', async () => {
    const api = apiWith({ assigned: null, effective: null });
    api.listSmtpServers.mockResolvedValue({ details: false, items: [] });
    renderTab(api);

    expect(
      await screen.findByText(/there is no default server: the warnings of this system are not mailed/),
    ).toBeInTheDocument();
    expect(screen.getByText(/No SMTP server is set up yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Assign' })).not.toBeInTheDocument();
  });

  it('shows a translated error when the server of the system cannot be loaded', async () => {
    const refused = await responseError(500, 'database is down');
    const api = apiWith({ assigned: null, effective: null });
    api.getSystemSmtp.mockRejectedValue(refused);
    renderTab(api);
    expect(
      await screen.findByText('The SMTP server of this system could not be loaded: database is down'),
    ).toBeInTheDocument();
  });

  it('says when the COMtrexx is not registered', async () => {
    const refused = await responseError(404, 'No system with serial number A1B2C3D4E5');
    const api = fakeCccApi();
    api.getSystemBySerial.mockRejectedValue(refused);
    renderTab(api);
    expect(await screen.findByText('This COMtrexx is not registered in the CCC (any more)')).toBeInTheDocument();
    expect(api.getSystemSmtp).not.toHaveBeenCalled();
  });
});
