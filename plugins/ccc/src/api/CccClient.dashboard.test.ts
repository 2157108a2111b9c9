import { ResponseError } from '@backstage/errors';
import { CccClient } from './CccClient';

/** A client whose fetch records the requested URLs and answers with `body` and `status`. */
function clientAnswering(body: unknown, status = 200) {
  const urls: string[] = [];
  const fetchApi = {
    fetch: jest.fn(async (url: string, init?: RequestInit) => {
      urls.push(`${init?.method ?? 'GET'} ${url}`);
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  };
  const discoveryApi = {
    getBaseUrl: jest.fn(async () => 'http://backend/api/ccc'),
  };
  return {
    client: new CccClient({ discoveryApi, fetchApi: fetchApi as any }),
    urls,
  };
}

describe('CccClient dashboard', () => {
  it('reads GET /dashboard', async () => {
    const dashboard = {
      version: '0.4.0',
      runtime: 'Node.js 20.11.1',
      systemsByState: { paired_ok: 2 },
      news: [],
      newsError: null,
      links: [],
    };
    const { client, urls } = clientAnswering(dashboard);
    await expect(client.getDashboard()).resolves.toEqual(dashboard);
    expect(urls).toEqual(['GET http://backend/api/ccc/dashboard']);
  });

  it('throws a ResponseError when the backend refuses', async () => {
    const { client } = clientAnswering(
      {
        error: { name: 'AuthenticationError', message: 'No token' },
        response: { statusCode: 401 },
      },
      401,
    );
    const error = await client.getDashboard().catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(401);
  });
});
