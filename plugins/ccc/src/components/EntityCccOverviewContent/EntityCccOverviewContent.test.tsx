import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { licencePageUrl } from '@internal/plugin-ccc-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, formatDate, formatDateTime, makeSystem, responseError } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { EntityCccOverviewContent } from './EntityCccOverviewContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'berlin-hq', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
  spec: { type: 'pbx', owner: 'group:default/telephony' },
};

function renderTab(api: ReturnType<typeof fakeCccApi>, forEntity: Entity = entity) {
  renderInTestApp(
    <EntityProvider entity={forEntity}>
      <EntityCccOverviewContent />
    </EntityProvider>,
    {
      apis: [
        [cccApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ],
    },
  );
}

/** The value cell next to a label of the details table. */
function detail(label: string): HTMLElement {
  const row = screen.getByRole('rowheader', { name: label }).closest('tr')!;
  return within(row).getAllByRole('cell')[0];
}

describe('EntityCccOverviewContent', () => {
  it('shows state, system information and licences of a healthy system', async () => {
    const user = userEvent.setup();
    const system = makeSystem();
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(system);
    api.refreshSystem.mockResolvedValue(system);
    renderTab(api);

    expect(await screen.findByText('Paired')).toBeInTheDocument();
    expect(api.getSystemBySerial).toHaveBeenCalledWith('A1B2C3D4E5');
    expect(detail('Model')).toHaveTextContent('COMtrexx Advanced');
    expect(detail('Firmware')).toHaveTextContent('2.6.1');
    expect(detail('Serial number')).toHaveTextContent('A1B2C3D4E5');
    expect(detail('Maintenance')).toHaveTextContent(`Active until ${formatDate('2027-06-30T00:00:00Z')}`);
    expect(detail('First registration')).toHaveTextContent(formatDate('2026-03-01T10:00:00Z'));
    expect(detail('Last seen')).toHaveTextContent(formatDateTime('2026-11-27T06:00:00Z'));
    expect(detail('Device address')).toHaveTextContent('Gateway (configured)');
    expect(detail('Device address')).toHaveTextContent('self-signed certificate accepted');
    expect(screen.getByText('All CCC functions are available for this COMtrexx.')).toBeInTheDocument();
    expect(screen.queryByTestId('ccc-system-gate')).not.toBeInTheDocument();

    const licences = screen.getByRole('link', { name: /Licences/ });
    expect(licences).toHaveAttribute('href', licencePageUrl('A1B2C3D4E5'));
    expect(licences).toHaveAttribute('target', '_blank');

    await user.click(screen.getByRole('button', { name: /Refresh/ }));
    expect(api.refreshSystem).toHaveBeenCalledWith('sys-1');
    await waitFor(() => expect(api.getSystemBySerial).toHaveBeenCalledTimes(2));
  });

  it('names the unavailable functions of a restricted system and keeps its information visible', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(
      makeSystem({
        state: 'paired_restricted',
        stateReason: 'maintenance_inactive',
        device: {
          model: 'COMtrexx Business',
          firmwareVersion: '2.6.1',
          maintenance: { active: false, validUntil: '2026-10-31T00:00:00Z' },
        },
      }),
    );
    renderTab(api);

    expect(await screen.findByText('Paired, restricted')).toBeInTheDocument();
    expect(screen.getByText('Maintenance must be activated')).toBeInTheDocument();
    const gate = screen.getByTestId('ccc-system-gate');
    expect(within(gate).getByText('CCC functions are not available for this COMtrexx')).toBeInTheDocument();
    expect(within(gate).getByRole('link', { name: 'COMtrexx Maintenance' })).toBeInTheDocument();
    expect(within(gate).getByText(/System information and licences stay available/)).toBeInTheDocument();
    expect(detail('Model')).toHaveTextContent('COMtrexx Business');
    expect(detail('Maintenance')).toHaveTextContent(`Inactive (ended ${formatDate('2026-10-31T00:00:00Z')})`);
    expect(screen.getByRole('link', { name: /Licences/ })).toBeInTheDocument();
    expect(screen.queryByText('All CCC functions are available for this COMtrexx.')).not.toBeInTheDocument();
  });

  it('says so when the serial number is not registered (any more)', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockRejectedValue(await responseError(404, 'No system with serial number A1B2C3D4E5'));
    renderTab(api);

    expect(await screen.findByText('This COMtrexx is not registered in the CCC (any more)')).toBeInTheDocument();
    expect(screen.getByText(/No system with the serial number A1B2C3D4E5 is registered/)).toBeInTheDocument();
  });

  it('shows other load errors with the message', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockRejectedValue(await responseError(500, 'Database unavailable'));
    renderTab(api);

    expect(await screen.findByText('The system could not be loaded: Database unavailable')).toBeInTheDocument();
  });

  it('reports a failed refresh without losing the system information', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.refreshSystem.mockRejectedValue(await responseError(502, 'The device did not answer'));
    renderTab(api);

    await user.click(await screen.findByRole('button', { name: /Refresh/ }));

    expect(await screen.findByText('The device could not be read: The device did not answer')).toBeInTheDocument();
    expect(detail('Model')).toHaveTextContent('COMtrexx Advanced');
  });

  it('shows a direct device address without the certificate note when self-signed TLS is off', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(
      makeSystem({ deviceAddress: { url: 'https://192.0.2.10', allowSelfSignedTls: false } }),
    );
    renderTab(api);

    await screen.findByText('Paired');
    expect(detail('Device address')).toHaveTextContent(/^https:\/\/192\.0\.2\.10$/);
  });

  it('edits the system from the card header and then shows the new values', async () => {
    const user = userEvent.setup();
    const system = makeSystem();
    const updated = makeSystem({
      name: 'Berlin Headquarters',
      deviceAddress: { url: 'https://192.0.2.10', allowSelfSignedTls: true },
    });
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValueOnce(system).mockResolvedValue(updated);
    api.updateSystem.mockResolvedValue(updated);
    renderTab(api);

    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Berlin HQ' });
    const name = within(dialog).getByRole('textbox', { name: /Name/ });
    await user.clear(name);
    await user.type(name, 'Berlin Headquarters');
    await user.type(within(dialog).getByRole('textbox', { name: /Device address/ }), 'https://192.0.2.10');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(api.updateSystem).toHaveBeenCalledWith('sys-1', {
      name: 'Berlin Headquarters',
      deviceAddress: { url: 'https://192.0.2.10', allowSelfSignedTls: true },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(detail('Name')).toHaveTextContent('Berlin Headquarters'));
    expect(detail('Device address')).toHaveTextContent('https://192.0.2.10');
    expect(api.getSystemBySerial).toHaveBeenCalledTimes(2);
  });
});
