import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import { fakeCccApi, makeSystem } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { SystemWarnings } from './SystemWarnings';

// A file of its own: usePermission caches answers per module.
describe('SystemWarnings without the right to read warnings', () => {
  it('names the roles that may and asks the backend for nothing', async () => {
    const api = fakeCccApi();
    const authorize = jest.fn(({ permission }) =>
      permission.name === 'ccc.warnings.read' ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    );
    renderInTestApp(<SystemWarnings system={makeSystem()} />, {
      apis: [
        [cccApiRef, api],
        [permissionApiRef, mockApis.permission({ authorize })],
      ],
    });

    expect(
      await screen.findByText('Needs one of these roles on the system: Owner, Administrator, Monitoring'),
    ).toBeInTheDocument();
    expect(authorize).toHaveBeenCalledWith(expect.objectContaining({ resourceRef: 'sys-1' }));
    expect(api.listWarnings).not.toHaveBeenCalled();
    expect(api.listAlertDeliveries).not.toHaveBeenCalled();
  });
});
