import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { mockApis, registerMswTestHooks, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { cccApiRef } from './api/CccApi';
import { CccClient } from './api/CccClient';
import { CccPage, cccPlugin } from './plugin';

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
    );
    const discoveryApi = mockApis.discovery({ baseUrl: 'http://localhost:7007' });
    const fetchApi = { fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init) };

    await renderInTestApp(
      <TestApiProvider
        apis={[
          [discoveryApiRef, discoveryApi],
          [fetchApiRef, fetchApi],
          [cccApiRef, new CccClient({ discoveryApi, fetchApi })],
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
  });
});
