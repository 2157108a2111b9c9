import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, responseError } from '../../__testUtils__/fakes';
import { makeSmtpServer } from '../../__testUtils__/smtpFakes';
import { cccApiRef } from '../../api/CccApi';
import { CccPageContent } from '../CccPage';
import { SmtpServersPage } from './SmtpServersPage';

const office = makeSmtpServer();
const relay = makeSmtpServer({
  id: '0b9e2c1d-7a6f-4e5d-8c3b-2a1f0e9d8c7b',
  name: 'Backup relay',
  host: '10.0.0.25',
  port: 25,
  username: null,
  passwordSet: false,
  sender: 'relay@example.com',
  recipient: 'ops@example.com',
  noTls: true,
  isDefault: false,
  systemCount: 0,
});

// Permissions are allowed throughout this file: usePermission caches answers per module.
function renderPage(api = fakeCccApi()) {
  api.listSmtpServers.mockResolvedValue({ details: true, items: [office, relay] });
  renderInTestApp(<SmtpServersPage />, {
    apis: [
      [cccApiRef, api],
      [permissionApiRef, mockApis.permission()],
    ],
  });
  return api;
}

const rowOf = (name: string) => within(screen.getByRole('rowheader', { name }).closest('tr')!);
const shownNames = () =>
  within(screen.getByRole('table', { name: 'SMTP servers' }))
    .getAllByRole('rowheader')
    .map(cell => cell.textContent);

/** Replaces a field's text in one go; typing key by key re-validates the whole form for every key. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.paste(text);
}

async function openCreateDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Add server' }));
  return within(await screen.findByRole('dialog', { name: 'Add an SMTP server' }));
}

describe('SmtpServersPage', () => {
  it('lists the servers with the password state, never the password, and the systems using each', async () => {
    renderPage();
    expect(await screen.findByRole('rowheader', { name: 'Office mail' })).toBeInTheDocument();

    const officeRow = rowOf('Office mail');
    expect(officeRow.getByText('smtp.example.com')).toBeInTheDocument();
    expect(officeRow.getByText('587')).toBeInTheDocument();
    expect(officeRow.getByText('set')).toBeInTheDocument();
    expect(officeRow.getByText('Default server')).toBeInTheDocument();
    expect(officeRow.getByText('used')).toBeInTheDocument();
    expect(officeRow.getByText('3')).toHaveAttribute('title', expect.stringMatching(/^Systems whose warnings/));

    const relayRow = rowOf('Backup relay');
    expect(relayRow.getByText('not set')).toBeInTheDocument();
    expect(relayRow.getByText('not used')).toBeInTheDocument();
    expect(relayRow.getByText('0')).toBeInTheDocument();
    // Actions wait for the permission answer.
    expect(await screen.findByRole('button', { name: 'Add server' })).toBeEnabled();
  });

  it('filters and sorts', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('rowheader', { name: 'Office mail' });
    expect(shownNames()).toEqual(['Backup relay', 'Office mail']);

    await user.click(screen.getByRole('button', { name: 'Systems' }));
    expect(shownNames()).toEqual(['Backup relay', 'Office mail']);
    await user.click(screen.getByRole('button', { name: 'Systems' }));
    expect(shownNames()).toEqual(['Office mail', 'Backup relay']);
    await user.click(screen.getByRole('button', { name: 'Default' }));
    expect(shownNames()).toEqual(['Office mail', 'Backup relay']);

    await user.type(screen.getByRole('textbox', { name: /Filter by name/ }), 'ops@');
    expect(shownNames()).toEqual(['Backup relay']);
    await user.clear(screen.getByRole('textbox', { name: /Filter by name/ }));
    await user.type(screen.getByRole('textbox', { name: /Filter by name/ }), 'nowhere');
    expect(screen.getByText('No SMTP server matches "nowhere".')).toBeInTheDocument();
  });

  it('refuses port 0 and 70000, a bad address and bad e-mail addresses', async () => {
    const user = userEvent.setup();
    const api = renderPage();

    const dialog = await openCreateDialog(user);
    await user.click(dialog.getByRole('button', { name: 'Add' }));
    expect(dialog.getByText('Enter a name for the server')).toBeInTheDocument();
    expect(dialog.getByText('Enter an IP address or a host name, e.g. smtp.example.com')).toBeInTheDocument();
    expect(dialog.getByText('Enter the sender as an e-mail address, e.g. pbx@example.com')).toBeInTheDocument();
    expect(dialog.getByText('Enter the recipient as an e-mail address, e.g. noc@example.com')).toBeInTheDocument();

    await fill(user, dialog.getByRole('textbox', { name: /^Name/ }), 'Mail');
    await fill(user, dialog.getByRole('textbox', { name: /^Address/ }), 'bad host!');
    const port = dialog.getByRole('textbox', { name: /^Port/ });
    await fill(user, port, '0');
    await fill(user, dialog.getByRole('textbox', { name: /^Sender/ }), 'not-an-address');
    await fill(user, dialog.getByRole('textbox', { name: /^Recipient/ }), 'noc@example.com');
    await user.click(dialog.getByRole('button', { name: 'Add' }));
    expect(dialog.getByText('Enter an IP address or a host name, e.g. smtp.example.com')).toBeInTheDocument();
    expect(dialog.getByText('The port is a whole number from 1 to 65535')).toBeInTheDocument();
    expect(dialog.getByText('Enter the sender as an e-mail address, e.g. pbx@example.com')).toBeInTheDocument();
    expect(dialog.queryByText(/Enter the recipient/)).not.toBeInTheDocument();

    await fill(user, port, '70000');
    expect(dialog.getByText('The port is a whole number from 1 to 65535')).toBeInTheDocument();
    await fill(user, port, '465');
    expect(dialog.queryByText('The port is a whole number from 1 to 65535')).not.toBeInTheDocument();
    expect(api.createSmtpServer).not.toHaveBeenCalled();
  });

  it('adds a server with what was entered, trimmed', async () => {
    const user = userEvent.setup();
    const api = renderPage();
    api.createSmtpServer.mockResolvedValue(makeSmtpServer({ id: 'new', name: 'Mail' }));

    const dialog = await openCreateDialog(user);
    await fill(user, dialog.getByRole('textbox', { name: /^Name/ }), 'Mail');
    await fill(user, dialog.getByRole('textbox', { name: /^Address/ }), ' smtp.example.com ');
    await fill(user, dialog.getByRole('textbox', { name: /^Port/ }), '465');
    await fill(user, dialog.getByRole('textbox', { name: /^Sender/ }), 'pbx@example.com');
    await fill(user, dialog.getByRole('textbox', { name: /^Recipient/ }), 'noc@example.com');
    const password = dialog.getByLabelText(/^Password/);
    expect(password).toHaveAttribute('type', 'password');
    await fill(user, password, 's3cret!');
    await user.click(dialog.getByRole('checkbox', { name: 'Default server for outgoing mail' }));
    await user.click(dialog.getByRole('button', { name: 'Add' }));

    await waitFor(() =>
      expect(api.createSmtpServer).toHaveBeenCalledWith({
        name: 'Mail',
        host: 'smtp.example.com',
        port: 465,
        username: null,
        password: 's3cret!',
        sender: 'pbx@example.com',
        recipient: 'noc@example.com',
        noTls: false,
        isDefault: true,
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.listSmtpServers).toHaveBeenCalledTimes(2);
    expect(screen.queryByText('s3cret!')).not.toBeInTheDocument();
  });

  it('shows why the backend refused a new server', async () => {
    const user = userEvent.setup();
    // Made before rendering: awaiting it later would let the page update outside act().
    const refused = await responseError(400, 'The name Office mail is taken');
    const api = renderPage();
    api.createSmtpServer.mockRejectedValue(refused);

    const dialog = await openCreateDialog(user);
    await fill(user, dialog.getByRole('textbox', { name: /^Name/ }), 'Office mail');
    await fill(user, dialog.getByRole('textbox', { name: /^Address/ }), '192.0.2.10');
    await fill(user, dialog.getByRole('textbox', { name: /^Sender/ }), 'pbx@example.com');
    await fill(user, dialog.getByRole('textbox', { name: /^Recipient/ }), 'noc@example.com');
    await user.click(dialog.getByRole('button', { name: 'Add' }));

    expect(
      await dialog.findByText('The SMTP server could not be saved: The name Office mail is taken'),
    ).toBeInTheDocument();
    expect(api.createSmtpServer).toHaveBeenCalledWith(expect.objectContaining({ host: '192.0.2.10', password: null }));
  });

  it('keeps or replaces the password without ever showing it', async () => {
    const user = userEvent.setup();
    const api = renderPage();
    api.updateSmtpServer.mockResolvedValue(office);

    await user.click(await screen.findByRole('button', { name: 'Edit Office mail' }));
    let dialog = within(await screen.findByRole('dialog', { name: 'Edit Office mail' }));
    expect(dialog.getByText('A password is set. It is never shown.')).toBeInTheDocument();
    expect(dialog.getByRole('radio', { name: 'Keep' })).toBeChecked();
    expect(dialog.queryByLabelText(/password/i, { selector: 'input[type=password]' })).not.toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();

    // Changing a field sends that field only; the password stays.
    const port = dialog.getByRole('textbox', { name: /^Port/ });
    await fill(user, port, '465');
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.updateSmtpServer).toHaveBeenCalledWith(office.id, { port: 465 }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Edit Office mail' }));
    dialog = within(await screen.findByRole('dialog', { name: 'Edit Office mail' }));
    await user.click(dialog.getByRole('radio', { name: 'Replace' }));
    const newPassword = dialog.getByLabelText(/^New password/);
    expect(newPassword).toHaveAttribute('type', 'password');
    expect(newPassword).toHaveValue('');
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    expect(dialog.getByText('Enter the new password')).toBeInTheDocument();
    await fill(user, newPassword, 'n3w-secret');
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.updateSmtpServer).toHaveBeenLastCalledWith(office.id, { password: 'n3w-secret' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByText('n3w-secret')).not.toBeInTheDocument();
  });

  it('removes the password', async () => {
    const user = userEvent.setup();
    const api = renderPage();
    api.updateSmtpServer.mockResolvedValue({ ...office, passwordSet: false });
    await user.click(await screen.findByRole('button', { name: 'Edit Office mail' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit Office mail' }));
    await user.click(dialog.getByRole('radio', { name: 'Remove' }));
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.updateSmtpServer).toHaveBeenCalledWith(office.id, { password: null }));
  });

  it('offers to set a password on a server without one', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Edit Backup relay' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit Backup relay' }));
    expect(dialog.getByText('No password is set.')).toBeInTheDocument();
    expect(dialog.getByRole('radio', { name: 'Set one' })).toBeInTheDocument();
    expect(dialog.queryByRole('radio', { name: 'Remove' })).not.toBeInTheDocument();
    expect(dialog.getByRole('checkbox', { name: 'Do not use TLS' })).toBeChecked();
  });

  it("shows the mail server's answer when a check fails, and the success", async () => {
    const user = userEvent.setup();
    const api = renderPage();
    api.checkSmtpServer.mockResolvedValueOnce({
      delivered: false,
      message: 'The mail server refused the login; check the user name and password',
      response: '535 5.7.8 Authentication credentials invalid',
    });

    await screen.findByRole('rowheader', { name: 'Office mail' });
    await user.click(rowOf('Office mail').getByRole('button', { name: 'Check' }));
    expect(api.checkSmtpServer).toHaveBeenCalledWith(office.id);
    const failed = await screen.findByRole('alert');
    expect(failed).toHaveTextContent('The test mail through Office mail was not delivered');
    expect(failed).toHaveTextContent('The mail server refused the login; check the user name and password');
    expect(failed).toHaveTextContent('Answer of the mail server: 535 5.7.8 Authentication credentials invalid');

    api.checkSmtpServer.mockResolvedValueOnce({
      delivered: true,
      message: 'The mail server accepted the test mail for ops@example.com',
      response: '250 2.0.0 Ok: queued as 4F2A1',
    });
    await user.click(rowOf('Backup relay').getByRole('button', { name: 'Check' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('The test mail through Backup relay was delivered'),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The mail server accepted the test mail for ops@example.com');
  });

  it('says in words when a check could not run at all', async () => {
    const user = userEvent.setup();
    const refused = await responseError(404, 'No SMTP server with id 5f0c');
    const api = renderPage();
    api.checkSmtpServer.mockRejectedValue(refused);
    await screen.findByRole('rowheader', { name: 'Office mail' });
    await user.click(rowOf('Office mail').getByRole('button', { name: 'Check' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The test mail through Office mail could not be sent: No SMTP server with id 5f0c',
    );
  });

  it('shows the refusal when servers in use are deleted, and deletes a single one', async () => {
    const user = userEvent.setup();
    const refusal = 'Office mail is the default server of 3 system(s); make another server the default first';
    const refused = await responseError(409, refusal);
    const api = renderPage();
    api.deleteSmtpServers.mockRejectedValue(refused);

    await screen.findByRole('rowheader', { name: 'Office mail' });
    await user.click(screen.getByRole('checkbox', { name: 'Select all shown servers' }));
    expect(screen.getByText('2 servers selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const confirm = within(await screen.findByRole('dialog', { name: 'Delete 2 SMTP servers?' }));
    await user.click(confirm.getByRole('button', { name: 'Delete' }));
    expect(await confirm.findByText(`Nothing was deleted: ${refusal}`)).toBeInTheDocument();
    expect(api.deleteSmtpServers).toHaveBeenCalledWith([relay.id, office.id]);
    await user.click(confirm.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(rowOf('Backup relay').getByRole('button', { name: 'Delete Backup relay' }));
    const single = within(await screen.findByRole('dialog', { name: 'Delete 1 SMTP server?' }));
    expect(single.getByText('Backup relay (10.0.0.25:25)')).toBeInTheDocument();
    await user.click(single.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.deleteSmtpServer).toHaveBeenCalledWith(relay.id));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.listSmtpServers).toHaveBeenCalledTimes(2);
  });

  it('invites to add the first server', async () => {
    const api = fakeCccApi();
    renderInTestApp(<SmtpServersPage />, {
      apis: [
        [cccApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ],
    });
    expect(await screen.findByText('No SMTP server set up yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add server' })).toBeEnabled();
  });

  it('shows a translated error when the list cannot be loaded', async () => {
    const api = fakeCccApi();
    api.listSmtpServers.mockRejectedValue(await responseError(500, 'database is down'));
    renderInTestApp(<SmtpServersPage />, {
      apis: [
        [cccApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ],
    });
    expect(await screen.findByText('The SMTP servers could not be loaded: database is down')).toBeInTheDocument();
  });

  it('is a tab of the CCC page for fleet administrators', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi();
    api.getHealth.mockReturnValue(new Promise(() => {}));
    api.listSmtpServers.mockResolvedValue({ details: true, items: [office] });
    renderInTestApp(<CccPageContent />, {
      apis: [
        [cccApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ],
    });
    await user.click(await screen.findByRole('tab', { name: 'SMTP' }));
    expect(await screen.findByRole('rowheader', { name: 'Office mail' })).toBeInTheDocument();
  });
});
