import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester, mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import { makeCallDataPage, makeCallDataRecord } from '../__testUtils__/callDataFakes';
import { fakeCccApi, makeSystem } from '../__testUtils__/fakes';
import { cccApiRef } from '../api/CccApi';
import { EntityCccCallDataContent } from '../plugin';
import cccPlugin from './plugin';

const annotated = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'berlin-hq', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
  spec: { type: 'pbx', owner: 'group:default/telephony' },
};

describe('Call data in the new frontend system', () => {
  it('offers the Call data tab under /ccc-calldata for entities with the serial-number annotation only', () => {
    const tab = cccPlugin.getExtension('entity-content:ccc/calldata');
    const tester = createExtensionTester(tab, { apis: [mockApis.translation()] });
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Call data');
    expect(tester.get(coreExtensionData.routePath)).toBe('/ccc-calldata');
    const matches = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(matches?.(annotated)).toBe(true);
    expect(matches?.({ ...annotated, metadata: { name: 'plain' } })).toBe(false);
  });

  it('renders the call data of the annotated COMtrexx', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.listCallData.mockResolvedValue(makeCallDataPage([makeCallDataRecord()]));

    renderTestApp({
      extensions: [createTestEntityPage({ entity: annotated }), cccPlugin.getExtension('entity-content:ccc/calldata')],
      apis: [
        [cccApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ],
    });

    expect(await screen.findByRole('table', { name: 'Call data' }, { timeout: 5000 })).toBeInTheDocument();
    expect(api.listCallData).toHaveBeenCalledWith('sys-1', { sort: 'startAt', order: 'desc', limit: 50 });
  });

  it('is exported for legacy apps', () => {
    expect(EntityCccCallDataContent).toBeDefined();
  });
});
