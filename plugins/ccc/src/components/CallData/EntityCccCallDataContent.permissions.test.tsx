import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult, EvaluatePermissionRequest } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeCallDataPage, makeCallDataRecord } from '../../__testUtils__/callDataFakes';
import { fakeCccApi, makeSystem } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { EntityCccCallDataContent } from './EntityCccCallDataContent';

// A file of its own: usePermission caches answers per permission and resource for the module's lifetime, so
// allowed and denied answers for the same checks must not meet in one file. Each test uses its own system id.

// "no-role" may read nothing; "reader" may read but not export.
const authorize = ({ permission, resourceRef }: EvaluatePermissionRequest) => {
  if (resourceRef === 'reader' && permission.name === 'ccc.calldata.read') return AuthorizeResult.ALLOW;
  return AuthorizeResult.DENY;
};

function renderTab(systemId: string) {
  const api = fakeCccApi();
  api.getSystemBySerial.mockResolvedValue(makeSystem({ id: systemId }));
  api.listCallData.mockResolvedValue(makeCallDataPage([makeCallDataRecord({ systemId })]));
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'berlin-hq', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
    spec: { type: 'pbx', owner: 'group:default/telephony' },
  };
  renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityCccCallDataContent />
    </EntityProvider>,
    {
      apis: [
        [cccApiRef, api],
        [permissionApiRef, mockApis.permission({ authorize })],
      ],
    },
  );
  return api;
}

// Generous: the first render loads the whole MUI tree, which is slow while other suites run in parallel.
configure({ asyncUtilTimeout: 5000 });

describe('EntityCccCallDataContent without permissions', () => {
  it('explains that call data need a role and never asks for them', async () => {
    const api = renderTab('no-role');
    expect(await screen.findByText('No access to the call data')).toBeInTheDocument();
    expect(screen.getByText('Needs one of these roles on the system: Owner, Administrator, Call data')).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(api.listCallData).not.toHaveBeenCalled();
  });

  it('lists the calls but disables the export, saying who may', async () => {
    const user = userEvent.setup();
    const api = renderTab('reader');
    expect(await screen.findByRole('table', { name: 'Call data' })).toBeInTheDocument();

    const exportButton = screen.getByRole('button', { name: 'Export' });
    expect(exportButton).toBeDisabled();
    await user.hover(exportButton.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Needs one of these roles on the system: Owner, Administrator, Call data',
    );
    expect(api.exportCallData).not.toHaveBeenCalled();
  });
});
