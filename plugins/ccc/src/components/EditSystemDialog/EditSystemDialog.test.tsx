import { renderInTestApp } from '@backstage/frontend-test-utils';
import { CccSystem } from '@internal/plugin-ccc-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, makeSystem, responseError } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { EditSystemDialog } from './EditSystemDialog';

const direct = makeSystem({ deviceAddress: { url: 'https://192.0.2.10', allowSelfSignedTls: true } });

function renderDialog(system: CccSystem = direct) {
  const api = fakeCccApi();
  const onSaved = jest.fn();
  const onClose = jest.fn();
  renderInTestApp(<EditSystemDialog system={system} open onClose={onClose} onSaved={onSaved} />, {
    apis: [[cccApiRef, api]],
  });
  return { api, onSaved, onClose };
}

async function findDialog() {
  const dialog = await screen.findByRole('dialog', { name: 'Edit Berlin HQ' });
  return {
    dialog,
    name: within(dialog).getByRole('textbox', { name: /Name/ }),
    url: within(dialog).getByRole('textbox', { name: /Device address/ }),
    tls: within(dialog).getByRole('checkbox', { name: 'Accept a self-signed TLS certificate' }),
    save: within(dialog).getByRole('button', { name: 'Save' }),
  };
}

describe('EditSystemDialog', () => {
  it("opens with the system's current values and explains the empty address", async () => {
    renderDialog();
    const { dialog, name, url, tls, save } = await findDialog();

    expect(name).toHaveValue('Berlin HQ');
    expect(url).toHaveValue('https://192.0.2.10');
    expect(tls).toBeChecked();
    expect(
      within(dialog).getByText(/Leave empty to use the portal's configured gateway address for this serial number/),
    ).toBeInTheDocument();
    // Nothing changed yet, so there is nothing to save.
    expect(save).toBeDisabled();
  });

  it('sends only the new name when the system is renamed', async () => {
    const user = userEvent.setup();
    const { api, onSaved, onClose } = renderDialog();
    const renamed = { ...direct, name: 'Berlin Headquarters' };
    api.updateSystem.mockResolvedValue(renamed);
    const { name, save } = await findDialog();

    await user.clear(name);
    await user.type(name, ' Berlin Headquarters ');
    await user.click(save);

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(renamed));
    // Trimmed as the shared schema normalises it; the device address is left alone.
    expect(api.updateSystem).toHaveBeenCalledTimes(1);
    expect(api.updateSystem).toHaveBeenCalledWith('sys-1', { name: 'Berlin Headquarters' });
    expect(onClose).toHaveBeenCalled();
  });

  it('sends url null when the address is cleared, to use the configured gateway', async () => {
    const user = userEvent.setup();
    const { api, onSaved } = renderDialog();
    const viaGateway = { ...direct, deviceAddress: { url: null, allowSelfSignedTls: true } };
    api.updateSystem.mockResolvedValue(viaGateway);
    const { url, save } = await findDialog();

    await user.clear(url);
    await user.click(save);

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(viaGateway));
    expect(api.updateSystem).toHaveBeenCalledWith('sys-1', { deviceAddress: { url: null, allowSelfSignedTls: true } });
  });

  it('sends the whole device address when only the certificate setting changes', async () => {
    const user = userEvent.setup();
    const { api, onSaved } = renderDialog(makeSystem({ deviceAddress: { url: null, allowSelfSignedTls: true } }));
    api.updateSystem.mockResolvedValue(makeSystem({ deviceAddress: { url: null, allowSelfSignedTls: false } }));
    const { tls, save } = await findDialog();

    await user.click(tls);
    await user.click(save);

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.updateSystem).toHaveBeenCalledWith('sys-1', { deviceAddress: { url: null, allowSelfSignedTls: false } });
  });

  it('shows why an address or name is invalid and sends nothing', async () => {
    const user = userEvent.setup();
    const { api, onSaved } = renderDialog();
    const { dialog, name, url, save } = await findDialog();

    await user.clear(url);
    await user.type(url, '192.0.2.10');
    await user.click(save);
    expect(
      within(dialog).getByText('The device address must be a full URL such as https://192.0.2.10'),
    ).toBeInTheDocument();

    await user.clear(url);
    await user.type(url, 'ftp://192.0.2.10');
    expect(within(dialog).getByText('The device address must start with http:// or https://')).toBeInTheDocument();

    await user.clear(name);
    await user.tab();
    expect(within(dialog).getByText('Enter a name for the system')).toBeInTheDocument();

    await user.click(save);
    expect(api.updateSystem).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("shows the backend's reason when it refuses the change and stays open", async () => {
    const user = userEvent.setup();
    const { api, onSaved, onClose } = renderDialog();
    api.updateSystem.mockRejectedValue(await responseError(403, 'You may not change this system'));
    const { dialog, name, save } = await findDialog();

    await user.type(name, ' 2');
    await user.click(save);

    expect(
      await within(dialog).findByText('The changes could not be saved: You may not change this system'),
    ).toBeInTheDocument();
    expect(api.updateSystem).toHaveBeenCalledWith('sys-1', { name: 'Berlin HQ 2' });
    expect(onSaved).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });
});
