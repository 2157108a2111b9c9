import { registerMswTestHooks, renderTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import cccPlugin from './plugin';

const server = setupServer();
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

    expect(await screen.findByText(/Make sure the @internal\/plugin-ccc-backend package is installed/)).toBeInTheDocument();
  });
});
