import { createExtensionTester, registerMswTestHooks, renderTestApp } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fakeCccApi, makeSystem } from '../__testUtils__/fakes';
import { cccApiRef } from '../api/CccApi';
import cccPlugin from './plugin';

// The page lists the systems next to the backend status; none are registered in these tests.
// An initial handler survives the reset after each test.
const server = setupServer(http.get('*/api/ccc/systems', () => HttpResponse.json({ items: [] })));
registerMswTestHooks(server);

describe('CCC plugin in the new frontend system', () => {
  it('mounts the COMtrexx page and shows the backend status from /api/ccc/health', async () => {
    server.use(
      http.get('*/api/ccc/health', () =>
        HttpResponse.json({
          status: 'degraded',
          checkedAt: '2026-11-27T06:00:00Z',
          database: { status: 'ok', latencyMs: 2 },
          devices: { status: 'down', message: 'connect ECONNREFUSED' },
        }),
      ),
    );

    renderTestApp({ features: [cccPlugin], initialRouteEntries: ['/ccc'] });

    expect(await screen.findByText('No COMtrexx registered yet')).toBeInTheDocument();
    expect(await screen.findByText('Degraded')).toBeInTheDocument();
    expect(screen.getByText('Database')).toBeInTheDocument();
    expect(screen.getByText(/connect ECONNREFUSED/)).toBeInTheDocument();
  });

  it('explains a missing backend instead of failing', async () => {
    server.use(http.get('*/api/ccc/health', () => new HttpResponse('Not Found', { status: 404 })));

    renderTestApp({ features: [cccPlugin], initialRouteEntries: ['/ccc'] });

    expect(
      await screen.findByText(/Make sure the @internal\/plugin-ccc-backend package is installed/),
    ).toBeInTheDocument();
  });
});

describe('COMtrexx entity tab in the new frontend system', () => {
  const annotated = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'berlin-hq', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
    spec: { type: 'pbx', owner: 'group:default/telephony' },
  };

  it('is offered for entities with the serial-number annotation only', () => {
    const tab = cccPlugin.getExtension('entity-content:ccc/overview');
    const tester = createExtensionTester(tab);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('COMtrexx');
    const matches = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(matches?.(annotated)).toBe(true);
    expect(matches?.({ ...annotated, metadata: { name: 'plain' } })).toBe(false);
  });

  it('renders the overview of the annotated COMtrexx', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());

    renderTestApp({
      extensions: [createTestEntityPage({ entity: annotated }), cccPlugin.getExtension('entity-content:ccc/overview')],
      apis: [[cccApiRef, api]],
    });

    expect(await screen.findByText('COMtrexx Advanced')).toBeInTheDocument();
    expect(api.getSystemBySerial).toHaveBeenCalledWith('A1B2C3D4E5');
  });
});
