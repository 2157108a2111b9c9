import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis, registerMswTestHooks, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { cccApiRef } from './api/CccApi';
import { CccClient } from './api/CccClient';
import { isCccSystemEntity } from './isCccSystemEntity';
import { CccPage, cccPlugin, EntityCccOverviewContent } from './plugin';

const server = setupServer();
registerMswTestHooks(server);

describe('CCC plugin in a legacy app', () => {
  it('has the ccc id and provides its API', () => {
    expect(cccPlugin.getId()).toBe('ccc');
    expect([...cccPlugin.getApis()].map(factory => factory.api.id)).toEqual([cccApiRef.id]);
  });

  it('renders the page with header, empty state and a healthy backend', async () => {
    server.use(
      http.get('http://localhost:7007/api/ccc/health', () =>
        HttpResponse.json({
          status: 'ok',
          checkedAt: '2026-11-27T06:00:00Z',
          database: { status: 'ok', latencyMs: 1 },
          devices: { status: 'ok', latencyMs: 3, target: 'http://127.0.0.1:7008/health' },
        }),
      ),
      // The page lists the systems too; none registered yet.
      http.get('http://localhost:7007/api/ccc/systems', () => HttpResponse.json({ items: [], totalCount: 0 })),
    );
    const discoveryApi = mockApis.discovery({ baseUrl: 'http://localhost:7007' });
    const fetchApi = { fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init) };

    await renderInTestApp(
      <TestApiProvider
        apis={[
          [discoveryApiRef, discoveryApi],
          [fetchApiRef, fetchApi],
          [cccApiRef, new CccClient({ discoveryApi, fetchApi })],
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <Routes>
          <Route path="/ccc" element={<CccPage />} />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/ccc'] },
    );

    expect(screen.getByRole('heading', { name: 'COMtrexx Control Center' })).toBeInTheDocument();
    expect(await screen.findByText('3 ms')).toBeInTheDocument();
    expect(screen.getAllByText('OK')).toHaveLength(3);
    expect(await screen.findByText('No COMtrexx registered yet')).toBeInTheDocument();
  });

  it('provides the entity tab and its predicate', () => {
    expect(EntityCccOverviewContent).toBeDefined();
    const entity = (annotations?: Record<string, string>) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'pbx', annotations },
      spec: {},
    });
    expect(isCccSystemEntity(entity({ 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' }))).toBe(true);
    expect(isCccSystemEntity(entity())).toBe(false);
    expect(isCccSystemEntity(entity({ 'backstage.io/techdocs-ref': 'dir:.' }))).toBe(false);
  });
});
