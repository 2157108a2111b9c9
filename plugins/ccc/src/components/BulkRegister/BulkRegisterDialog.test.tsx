import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, responseError } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { BulkRegisterDialog } from './BulkRegisterDialog';

const FILE = [
  'Name;Seriennummer;Besitzergruppe',
  'Zentrale;ctx000111222;group:default/telephony',
  ';CTX000333444;',
  'Filiale;CTX000555666;telephony',
  'Lager;CTX000777888;',
  'Lager 2;ctx000777888;',
  'Nord;CTX000999000;',
].join('\r\n');

function renderDialog() {
  const api = fakeCccApi();
  const onRegistered = jest.fn();
  renderInTestApp(<BulkRegisterDialog open onClose={jest.fn()} onRegistered={onRegistered} />, { apis: [[cccApiRef, api]] });
  return { api, onRegistered };
}

describe('BulkRegisterDialog', () => {
  it('checks every row of the file, sends the valid ones and shows each outcome', async () => {
    const user = userEvent.setup();
    const { api, onRegistered } = renderDialog();
    api.registerSystems.mockResolvedValue([
      { row: 1, serialNumber: 'CTX000111222', ok: true, systemId: 's1', token: { code: 'ABCD-EFGH-JKLM', expiresAt: '2026-11-28T10:00:00.000Z' } },
      { row: 2, serialNumber: 'CTX000777888', ok: false, error: 'A system with the serial number CTX000777888 is already registered' },
      { row: 3, serialNumber: 'CTX000999000', ok: true, systemId: 's3', token: { code: 'NPQR-STUV-WXYZ', expiresAt: '2026-11-28T10:00:00.000Z' } },
    ]);
    const dialog = await screen.findByRole('dialog', { name: 'Register several COMtrexx from a CSV file' });
    expect(within(dialog).getByRole('button', { name: /Register \d+ systems/ })).toBeDisabled();

    await user.upload(screen.getByTestId('ccc-bulk-register-file'), new File([FILE], 'fleet.csv', { type: 'text/csv' }));

    expect(await within(dialog).findByText('fleet.csv')).toBeInTheDocument();
    expect(within(dialog).getByText('3 systems ready, 3 rows with errors (they are not sent).')).toBeInTheDocument();
    const preview = within(dialog).getByRole('table', { name: 'Rows of the file' });
    const rows = within(preview).getAllByRole('row').slice(1);
    expect(rows.map(row => within(row).getAllByRole('cell').map(c => c.textContent))).toEqual([
      ['2', 'Zentrale', 'CTX000111222', 'group:default/telephony', 'Ready'],
      ['3', '', 'CTX000333444', '—', 'Enter a name for the system'],
      ['4', 'Filiale', 'CTX000555666', 'telephony', 'The catalog owner must be a group reference like group:default/telephony'],
      ['5', 'Lager', 'CTX000777888', '—', 'Ready'],
      ['6', 'Lager 2', 'CTX000777888', '—', 'The same serial number appears in an earlier line'],
      ['7', 'Nord', 'CTX000999000', '—', 'Ready'],
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Register 3 systems' }));

    expect(api.registerSystems).toHaveBeenCalledWith([
      { name: 'Zentrale', serialNumber: 'CTX000111222', catalogOwnerRef: 'group:default/telephony' },
      { name: 'Lager', serialNumber: 'CTX000777888' },
      { name: 'Nord', serialNumber: 'CTX000999000' },
    ]);
    expect(await within(dialog).findByText(/2 registered, 1 refused/)).toBeInTheDocument();
    const results = within(dialog).getByRole('table', { name: 'Outcome per row' });
    expect(within(results).getByText(/Registered – confirmation code ABCD-EFGH-JKLM, valid until/)).toBeInTheDocument();
    expect(
      within(results).getByText('Refused: A system with the serial number CTX000777888 is already registered'),
    ).toBeInTheDocument();
    expect(onRegistered).toHaveBeenCalled();
    expect(within(dialog).getByRole('button', { name: 'Download confirmation codes (CSV)' })).toBeEnabled();
  });

  it('explains a file without a header and a refused request, and keeps the rows', async () => {
    const user = userEvent.setup();
    const { api, onRegistered } = renderDialog();
    const dialog = await screen.findByRole('dialog');
    const text = within(dialog).getByRole('textbox', { name: 'CSV text' });

    await user.type(text, 'Zentrale,CTX000111222');
    expect(within(dialog).getByText(/The first line must name the columns/)).toBeInTheDocument();

    await user.clear(text);
    await user.type(text, 'name,serialNumber{enter}Zentrale,CTX000111222');
    api.registerSystems.mockRejectedValue(await responseError(403, 'You may not register systems'));
    await user.click(within(dialog).getByRole('button', { name: 'Register 1 systems' }));

    expect(
      await within(dialog).findByText('The systems could not be registered: You may not register systems'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('table', { name: 'Rows of the file' })).toBeInTheDocument();
    expect(onRegistered).not.toHaveBeenCalled();
  });
});
