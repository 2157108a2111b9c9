import { createExtensionTester, mockApis, registerMswTestHooks, renderTestApp } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { makeBackupOverview, makeFirmwareOverview } from '../__testUtils__/backupFakes';
import { accessAs, fakeCccApi, makeSystem } from '../__testUtils__/fakes';
import { cccApiRef } from '../api/CccApi';
import cccPlugin from './plugin';

const server = setupServer();
registerMswTestHooks(server);

const annotated = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'berlin-hq', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
  spec: { type: 'pbx', owner: 'group:default/telephony' },
};

describe('Backups in the new frontend system', () => {
  it('offers the Backup tab for entities with the serial-number annotation only', () => {
    const tab = cccPlugin.getExtension('entity-content:ccc/backup');
    const tester = createExtensionTester(tab, { apis: [mockApis.translation()] });
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Backup');
    const matches = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(matches?.(annotated)).toBe(true);
    expect(matches?.({ ...annotated, metadata: { name: 'plain' } })).toBe(false);
  });

  it('renders the backups and firmware of the annotated COMtrexx', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.getAccess.mockResolvedValue(accessAs(['backup']));
    api.getBackups.mockResolvedValue(makeBackupOverview());
    api.getFirmware.mockResolvedValue(makeFirmwareOverview());

    renderTestApp({
      extensions: [createTestEntityPage({ entity: annotated }), cccPlugin.getExtension('entity-content:ccc/backup')],
      apis: [[cccApiRef, api]],
    });

    expect(await screen.findByRole('table', { name: 'Available backups' })).toBeInTheDocument();
    expect(await screen.findByText('Update including restart')).toBeInTheDocument();
    expect(api.getBackups).toHaveBeenCalledWith('sys-1');
  });

  it('has a Backups tab on the CCC page under /ccc/backups', async () => {
    server.use(http.get('*/api/ccc/backups', () => HttpResponse.json({ items: [] })));

    renderTestApp({ features: [cccPlugin], initialRouteEntries: ['/ccc/backups'] });

    expect(await screen.findByRole('tab', { name: 'Backups' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('No systems to show')).toBeInTheDocument();
  });
});
