import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor } from '@testing-library/react';
import { fakeCccApi } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { CccPageContent } from './CccPage';

// The allowed case is covered by the plugin test (permissions off there);
// usePermission caches answers per module, so the denied case lives here alone.
describe('CccPageContent', () => {
  it('shows the audit tab only to fleet administrators', async () => {
    const api = fakeCccApi();
    api.getHealth.mockReturnValue(new Promise(() => {}));
    const authorize = jest.fn(({ permission }) =>
      permission.name === 'ccc.audit.read' ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    );
    renderInTestApp(<CccPageContent />, {
      apis: [
        [cccApiRef, api],
        [permissionApiRef, mockApis.permission({ authorize })],
      ],
    });

    expect(await screen.findByRole('tab', { name: 'User groups' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Systems' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Grants' })).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({ permission: expect.objectContaining({ name: 'ccc.audit.read' }) }),
      ),
    );
    // Give the answer time to arrive before checking that the tab stays away.
    await screen.findByText('No COMtrexx registered yet');
    expect(screen.queryByRole('tab', { name: 'Audit' })).not.toBeInTheDocument();
    expect(api.listFleetAudit).not.toHaveBeenCalled();
  });
});
