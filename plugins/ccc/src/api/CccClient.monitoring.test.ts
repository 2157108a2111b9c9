import { ResponseError } from '@backstage/errors';
import { CccClient } from './CccClient';

interface Call {
  url: string;
  method: string;
  body?: unknown;
  credentials?: RequestCredentials;
}

/** A client whose fetch records each request and answers with the next of `answers` (204 for undefined). */
function clientAnswering(...answers: Array<{ status?: number; body?: unknown }>) {
  const calls: Call[] = [];
  const fetchApi = {
    fetch: jest.fn(async (url: string, init?: RequestInit) => {
      calls.push({
        url,
        method: init?.method ?? 'GET',
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
        credentials: init?.credentials,
      });
      const answer = answers[Math.min(calls.length - 1, answers.length - 1)] ?? {};
      const status = answer.status ?? (answer.body === undefined ? 204 : 200);
      return status === 204
        ? new Response(null, { status })
        : new Response(JSON.stringify(answer.body), { status, headers: { 'Content-Type': 'application/json' } });
    }),
  };
  const discoveryApi = { getBaseUrl: jest.fn(async () => 'http://backend/api/ccc') };
  return { client: new CccClient({ discoveryApi, fetchApi: fetchApi as any }), calls };
}

const base = 'http://backend/api/ccc';
const systemId = '7d1f4c1e-0f6a-4c55-9b39-9d0f5c1a2b3c';

describe('CccClient monitoring, registration, health and remote configuration', () => {
  it.each([
    [
      'getMonitoring',
      (c: CccClient) => c.getMonitoring(systemId, 'week'),
      `/systems/${systemId}/monitoring?range=week`,
    ],
    ['getRegistration', (c: CccClient) => c.getRegistration(systemId), `/systems/${systemId}/registration`],
    ['getScorecard', (c: CccClient) => c.getScorecard(systemId), `/systems/${systemId}/scorecard`],
    ['getRemoteSession', (c: CccClient) => c.getRemoteSession(systemId), `/systems/${systemId}/remote-session`],
    ['listFleetPhones without filter', (c: CccClient) => c.listFleetPhones(), '/phones'],
    [
      'listFleetPhones',
      (c: CccClient) => c.listFleetPhones({ systemId, state: 'not_registered', limit: 25, offset: 50 }),
      `/phones?systemId=${systemId}&state=not_registered&limit=25&offset=50`,
    ],
    [
      'listFleetTrunks',
      (c: CccClient) => c.listFleetTrunks({ state: 'stun_offline', limit: 100, offset: 0 }),
      '/trunks?state=stun_offline&limit=100&offset=0',
    ],
  ])('%s asks GET %s', async (_name, call, path) => {
    const answer = { ok: true };
    const { client, calls } = clientAnswering({ body: answer });
    await expect(call(client)).resolves.toEqual(answer);
    expect(calls).toEqual([{ url: `${base}${path}`, method: 'GET', body: undefined, credentials: undefined }]);
  });

  it('unwraps the scorecards', async () => {
    const card = { systemId, score: 40 };
    const { client, calls } = clientAnswering({ body: { items: [card] } });
    await expect(client.listScorecards()).resolves.toEqual([card]);
    expect(calls[0]).toMatchObject({ url: `${base}/scorecards`, method: 'GET' });
  });

  it('has the user cookie set before it asks for a remote-configuration link', async () => {
    const link = { url: `${base}/remote/abc/`, expiresAt: '2026-11-27T09:00:00Z', openBy: '2026-11-27T08:02:00Z' };
    const { client, calls } = clientAnswering(
      { body: { expiresAt: '2026-11-27T09:00:00Z' } },
      { status: 201, body: link },
    );

    await expect(client.openRemoteSession(systemId)).resolves.toEqual(link);
    expect(calls).toEqual([
      // The window opened with the link sends this cookie instead of a bearer token.
      { url: `${base}/.backstage/auth/v1/cookie`, method: 'GET', body: undefined, credentials: 'include' },
      { url: `${base}/systems/${systemId}/remote-session`, method: 'POST', body: undefined, credentials: undefined },
    ]);
  });

  it('asks for no link when the cookie could not be set', async () => {
    const { client, calls } = clientAnswering({
      status: 401,
      body: { error: { name: 'AuthenticationError', message: 'Missing credentials' }, response: { statusCode: 401 } },
    });
    const error = await client.openRemoteSession(systemId).catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(401);
    expect(calls).toHaveLength(1);
  });

  it('ends the remote session with DELETE', async () => {
    const { client, calls } = clientAnswering({});
    await expect(client.closeRemoteSession(systemId)).resolves.toBeUndefined();
    expect(calls).toEqual([
      { url: `${base}/systems/${systemId}/remote-session`, method: 'DELETE', body: undefined, credentials: undefined },
    ]);
  });

  it('keeps the reason of a refused remote configuration in the error', async () => {
    const refusal = {
      error: {
        name: 'RemoteConfigNotAllowedError',
        message: 'Remote configuration is not allowed on Berlin HQ.',
        reason: 'remote_config_disabled',
      },
      response: { statusCode: 412 },
    };
    const { client } = clientAnswering({ body: {} }, { status: 412, body: refusal });
    const error = await client.openRemoteSession(systemId).catch(e => e);
    expect(error.statusCode).toBe(412);
    expect(error.body.error.reason).toBe('remote_config_disabled');
  });
});
