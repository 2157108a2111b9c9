import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor } from '@testing-library/react';
import { fakeCccApi } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { CccPageContent } from '../CccPage';

// A file of its own: usePermission caches answers per module, and the page
// test next to it needs the permission granted.
describe('SMTP tab without the right to administer SMTP servers', () => {
  it('is not shown and nothing is loaded', async () => {
    const api = fakeCccApi();
    api.getHealth.mockReturnValue(new Promise(() => {}));
    const authorize = jest.fn(({ permission }) =>
      permission.name === 'ccc.smtp.manage' ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    );
    renderInTestApp(<CccPageContent />, {
      apis: [
        [cccApiRef, api],
        [permissionApiRef, mockApis.permission({ authorize })],
      ],
    });

    expect(await screen.findByRole('tab', { name: 'User groups' })).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({ permission: expect.objectContaining({ name: 'ccc.smtp.manage' }) }),
      ),
    );
    // The audit tab's answer arrives in the same batch; once it shows, the SMTP answer is in too.
    expect(await screen.findByRole('tab', { name: 'Audit' })).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'SMTP' })).not.toBeInTheDocument();
    expect(api.listSmtpServers).not.toHaveBeenCalled();
  });
});
