import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, makeSystem } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { SystemSmtp } from './SystemSmtp';

// A file of its own: usePermission caches answers per module.
describe('SystemSmtp without the right to choose the server', () => {
  it('shows the servers but disables the choice and says which roles may', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi();
    const relay = { id: '0b9e2c1d-7a6f-4e5d-8c3b-2a1f0e9d8c7b', name: 'Backup relay', isDefault: false };
    api.getSystemSmtp.mockResolvedValue({ assigned: relay, effective: relay });
    api.listSmtpServers.mockResolvedValue({ details: false, items: [relay] });
    const authorize = jest.fn(({ permission }) =>
      permission.name === 'ccc.smtp.assign' ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    );
    renderInTestApp(<SystemSmtp system={makeSystem()} />, {
      apis: [
        [cccApiRef, api],
        [permissionApiRef, mockApis.permission({ authorize })],
      ],
    });

    expect(await screen.findByTestId('ccc-smtp-assigned')).toHaveTextContent('Backup relay');
    const unassign = screen.getByRole('button', { name: 'Use the default server' });
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({ permission: expect.objectContaining({ name: 'ccc.smtp.assign' }) }),
      ),
    );
    expect(unassign).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Assign' })).toBeDisabled();
    await user.hover(unassign.parentElement!);
    // Until the answer arrives the tooltip says the check is running; then it names the roles.
    await waitFor(() =>
      expect(screen.getByRole('tooltip')).toHaveTextContent(
        'Needs one of these roles on the system: Owner, Administrator',
      ),
    );
  });
});
