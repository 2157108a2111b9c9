import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, makeSystem, responseError } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { RegisterSystemDialog } from './RegisterSystemDialog';

const inOneDay = new Date(Date.now() + 24 * 3600_000).toISOString();

function renderDialog() {
  const api = fakeCccApi();
  const onRegistered = jest.fn();
  const onClose = jest.fn();
  renderInTestApp(<RegisterSystemDialog open onClose={onClose} onRegistered={onRegistered} />, {
    apis: [[cccApiRef, api]],
  });
  return { api, onRegistered, onClose };
}

describe('RegisterSystemDialog', () => {
  it('checks the input before anything is sent', async () => {
    const user = userEvent.setup();
    const { api } = renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Register a COMtrexx' });

    await user.click(within(dialog).getByRole('button', { name: 'Register' }));
    expect(within(dialog).getByText('Enter a name for the system')).toBeInTheDocument();
    expect(within(dialog).getByText(/The serial number must be 10 to 12 letters and digits/)).toBeInTheDocument();

    await user.type(within(dialog).getByRole('textbox', { name: /Serial number/ }), 'A1B2-C3');
    await user.type(within(dialog).getByRole('textbox', { name: /Catalog owner group/ }), 'telephony');
    await user.tab();
    expect(within(dialog).getByText(/must be a group reference like group:default\/telephony/)).toBeInTheDocument();
    expect(within(dialog).getByText(/The serial number must be 10 to 12 letters and digits/)).toBeInTheDocument();
    expect(api.registerSystem).not.toHaveBeenCalled();
  });

  it("shows the backend's reason when it refuses the registration", async () => {
    const user = userEvent.setup();
    const conflict = await responseError(409, 'A system with the serial number A1B2C3D4E5 is already registered');
    const { api, onRegistered } = renderDialog();
    api.registerSystem.mockRejectedValue(conflict);
    const dialog = await screen.findByRole('dialog', { name: 'Register a COMtrexx' });

    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'Berlin HQ');
    await user.type(within(dialog).getByRole('textbox', { name: /Serial number/ }), 'a1b2c3d4e5');
    await user.click(within(dialog).getByRole('button', { name: 'Register' }));

    expect(
      await within(dialog).findByText(
        'The COMtrexx could not be registered: A system with the serial number A1B2C3D4E5 is already registered',
      ),
    ).toBeInTheDocument();
    expect(onRegistered).not.toHaveBeenCalled();
  });

  it('registers the system and shows its confirmation code with validity and steps', async () => {
    const user = userEvent.setup();
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { api, onRegistered, onClose } = renderDialog();
    const response = {
      system: makeSystem({ name: 'Berlin HQ', state: 'token_pending', paired: false, device: null }),
      token: { code: 'K7Q2-9XPM-4TZD', expiresAt: inOneDay },
    };
    api.registerSystem.mockResolvedValue(response);
    const dialog = await screen.findByRole('dialog', { name: 'Register a COMtrexx' });

    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), '  Berlin HQ ');
    await user.type(within(dialog).getByRole('textbox', { name: /Serial number/ }), 'a1b2c3d4e5');
    await user.type(within(dialog).getByRole('textbox', { name: /Catalog owner group/ }), 'group:default/telephony');
    await user.click(within(dialog).getByRole('button', { name: 'Register' }));

    const done = await screen.findByRole('dialog', { name: 'COMtrexx registered' });
    // The shared schema normalises the input before it is sent.
    expect(api.registerSystem).toHaveBeenCalledWith({
      name: 'Berlin HQ',
      serialNumber: 'A1B2C3D4E5',
      catalogOwnerRef: 'group:default/telephony',
    });
    expect(onRegistered).toHaveBeenCalledWith(response);
    expect(within(done).getByTestId('pairing-token')).toHaveTextContent('K7Q2-9XPM-4TZD');
    expect(within(done).getByText(/^Valid for 24 hours, until /)).toBeInTheDocument();
    expect(within(done).getByText(/Zugriff für COMtrexx Control Center choose Zugriff bestätigen/)).toBeInTheDocument();
    expect(within(done).getByText('Paste the confirmation code and click OK.')).toBeInTheDocument();

    await user.click(within(done).getByRole('button', { name: 'Copy confirmation code' }));
    expect(writeText).toHaveBeenCalledWith('K7Q2-9XPM-4TZD');

    await user.click(within(done).getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('leaves the catalog owner out when the field is empty', async () => {
    const user = userEvent.setup();
    const { api } = renderDialog();
    api.registerSystem.mockResolvedValue({
      system: makeSystem(),
      token: { code: 'ABCD', expiresAt: inOneDay },
    });
    const dialog = await screen.findByRole('dialog', { name: 'Register a COMtrexx' });

    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'Berlin HQ');
    await user.type(within(dialog).getByRole('textbox', { name: /Serial number/ }), 'A1B2C3D4E5');
    await user.click(within(dialog).getByRole('button', { name: 'Register' }));

    await screen.findByRole('dialog', { name: 'COMtrexx registered' });
    expect(api.registerSystem).toHaveBeenCalledWith({ name: 'Berlin HQ', serialNumber: 'A1B2C3D4E5' });
  });
});
