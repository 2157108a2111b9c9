import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import { fakeCccApi, makeSystem } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { EntityCccMonitoringContent } from './EntityCccMonitoringContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'berlin-hq', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
  spec: { type: 'pbx', owner: 'group:default/telephony' },
};

// usePermission caches answers per module, so the denied case lives in a file of its own.
describe('EntityCccMonitoringContent without the monitoring permission', () => {
  it('names the roles that may see the monitoring instead of asking the backend', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityCccMonitoringContent />
      </EntityProvider>,
      {
        apis: [
          [cccApiRef, api],
          [permissionApiRef, mockApis.permission({ authorize: AuthorizeResult.DENY })],
        ],
      },
    );

    expect(
      await screen.findByText('Needs one of these roles on the system: Owner, Administrator, Monitoring'),
    ).toBeInTheDocument();
    expect(api.getMonitoring).not.toHaveBeenCalled();
  });
});
