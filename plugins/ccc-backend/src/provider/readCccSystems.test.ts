import { mockCredentials, mockServices, registerMswTestHooks } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { makeSystem } from './__testUtils__/makeSystem';
import { readCccSystems } from './readCccSystems';

// mockServices.discovery() resolves every plugin to http://localhost:0/api/<id>,
// a port nothing listens on, so only msw can answer.
const SYSTEMS_URL = 'http://localhost:0/api/ccc/systems';

describe('readCccSystems', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  // The reader runs inside the catalog plugin, so its own credentials are the catalog's.
  const auth = mockServices.auth({ pluginId: 'catalog' });
  const discovery = mockServices.discovery();

  it('sends a service token for the ccc plugin and returns the systems', async () => {
    const systems = [makeSystem(), makeSystem({ id: 'second', serialNumber: '0123456789' })];
    let authorization: string | null = null;
    server.use(
      http.get(SYSTEMS_URL, ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json({ items: systems });
      }),
    );

    await expect(readCccSystems({ auth, discovery })).resolves.toEqual({
      baseUrl: 'http://localhost:0/api/ccc',
      systems,
    });
    expect(authorization).toBe(
      mockCredentials.service.header({
        onBehalfOf: mockCredentials.service('plugin:catalog'),
        targetPluginId: 'ccc',
      }),
    );
  });

  it('throws a ResponseError on a 500', async () => {
    // The body a Backstage backend sends for an unhandled error.
    server.use(
      http.get(SYSTEMS_URL, () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'database is down' },
            request: { method: 'GET', url: '/systems' },
            response: { statusCode: 500 },
          },
          { status: 500 },
        ),
      ),
    );

    const error = await readCccSystems({ auth, discovery }).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(500);
    expect(error.cause.message).toBe('database is down');
  });

  it.each([
    ['an array instead of an object', []],
    ['an object without items', { systems: [] }],
    ['items that is not an array', { items: {} }],
    ['an item without a serial number', { items: [{ ...makeSystem(), serialNumber: undefined }] }],
  ])('rejects %s with a clear error', async (_label, body) => {
    server.use(http.get(SYSTEMS_URL, () => HttpResponse.json(body)));
    await expect(readCccSystems({ auth, discovery })).rejects.toThrow(
      /^Unexpected answer from http:\/\/localhost:0\/api\/ccc\/systems/,
    );
  });

  it('rejects a body that is not JSON', async () => {
    server.use(http.get(SYSTEMS_URL, () => HttpResponse.text('<html>proxy error</html>')));
    await expect(readCccSystems({ auth, discovery })).rejects.toThrow(/not JSON/);
  });

  it('passes the abort signal to the request', async () => {
    server.use(http.get(SYSTEMS_URL, () => HttpResponse.json({ items: [] })));
    const controller = new AbortController();
    controller.abort();
    await expect(readCccSystems({ auth, discovery, signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});
