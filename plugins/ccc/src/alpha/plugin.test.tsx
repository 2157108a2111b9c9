import { createExtensionTester, mockApis, registerMswTestHooks, renderTestApp } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fakeCccApi, makeSystem } from '../__testUtils__/fakes';
import { cccApiRef } from '../api/CccApi';
import cccPlugin from './plugin';

// The page lists the systems next to the backend status; none are registered in these tests.
// An initial handler survives the reset after each test.
const server = setupServer(
  http.get('*/api/ccc/systems', () => HttpResponse.json({ items: [], totalCount: 0 })),
  http.get('*/api/ccc/health', () => new HttpResponse('Not Found', { status: 404 })),
);
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

  it('has tabs for grants, user groups and the fleet audit trail under their own paths', async () => {
    const user = userEvent.setup();
    server.use(
      http.get('*/api/ccc/groups', () =>
        HttpResponse.json({
          items: [
            {
              id: 'grp-1',
              name: 'Night shift',
              description: '',
              defaultRole: 'monitoring',
              visibility: 'public',
              ownerRef: 'user:default/anna',
              memberCount: 1,
              systemCount: 0,
              createdAt: '2026-10-01T08:00:00Z',
              member: false,
            },
          ],
        }),
      ),
      http.get('*/api/ccc/grants', () => HttpResponse.json({ items: [] })),
      http.get('*/api/ccc/audit', () => HttpResponse.json({ items: [] })),
    );

    renderTestApp({ features: [cccPlugin], initialRouteEntries: ['/ccc/groups'] });

    expect(await screen.findByRole('rowheader', { name: 'Night shift' })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Grants' }));
    expect(await screen.findByText('You have not granted any roles yet')).toBeInTheDocument();
    // Permissions are off in the test app, so everyone is a fleet administrator here.
    await user.click(await screen.findByRole('tab', { name: 'Audit' }));
    expect(await screen.findByText('No events recorded yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Systems' }));
    expect(await screen.findByText('No COMtrexx registered yet')).toBeInTheDocument();
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

  it('offers the Access tab for the same entities', () => {
    const tab = cccPlugin.getExtension('entity-content:ccc/access');
    // The title is a translated message, resolved through the translation API.
    const tester = createExtensionTester(tab, { apis: [mockApis.translation()] });
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Access');
    const matches = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(matches?.(annotated)).toBe(true);
    expect(matches?.({ ...annotated, metadata: { name: 'plain' } })).toBe(false);
  });

  it('renders the access of the annotated COMtrexx', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.getAccess.mockResolvedValue({
      entries: [{ subjectRef: 'user:default/anna', role: 'owner', source: { kind: 'owner' } }],
      me: { roles: ['owner'], permissions: [] },
    });

    renderTestApp({
      extensions: [createTestEntityPage({ entity: annotated }), cccPlugin.getExtension('entity-content:ccc/access')],
      apis: [[cccApiRef, api]],
    });

    expect(await screen.findByRole('table', { name: 'Who has access' })).toBeInTheDocument();
    expect(api.getAccess).toHaveBeenCalledWith('sys-1');
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
