import { createExtensionTester, mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { fakeCccApi, makeSystem } from '../__testUtils__/fakes';
import { makePhone, makeSeries } from '../__testUtils__/monitoringFakes';
import { cccApiRef } from '../api/CccApi';
import { EntityCccMonitoringContent, EntityCccRegistrationContent } from '../plugin';
import cccPlugin from './plugin';

const annotated = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'berlin-hq', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
  spec: { type: 'pbx', owner: 'group:default/telephony' },
};

describe('Monitoring and Registration entity tabs in the new frontend system', () => {
  it.each([
    ['entity-content:ccc/monitoring', 'Monitoring'],
    ['entity-content:ccc/registration', 'Registration'],
  ])('offers %s for annotated entities only', (id, title) => {
    const tester = createExtensionTester(cccPlugin.getExtension(id as 'entity-content:ccc/monitoring'), {
      apis: [mockApis.translation()],
    });
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(title);
    const matches = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(matches?.(annotated)).toBe(true);
    expect(matches?.({ ...annotated, metadata: { name: 'plain' } })).toBe(false);
  });

  it('renders the monitoring of the annotated COMtrexx', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.getMonitoring.mockResolvedValue(makeSeries());
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: annotated }),
        cccPlugin.getExtension('entity-content:ccc/monitoring'),
      ],
      apis: [[cccApiRef, api]],
    });

    expect(await screen.findByRole('img', { name: /^CPU load from / })).toBeInTheDocument();
    expect(api.getMonitoring).toHaveBeenCalledWith('sys-1', 'day');
  });

  it('renders the registration status of the annotated COMtrexx', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.getRegistration.mockResolvedValue({ phones: [makePhone()], trunks: [] });
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: annotated }),
        cccPlugin.getExtension('entity-content:ccc/registration'),
      ],
      apis: [[cccApiRef, api]],
    });

    expect(await screen.findByRole('rowheader', { name: 'Reception' })).toBeInTheDocument();
  });

  it('has legacy exports of both tabs', () => {
    expect(EntityCccMonitoringContent).toBeDefined();
    expect(EntityCccRegistrationContent).toBeDefined();
  });
});
