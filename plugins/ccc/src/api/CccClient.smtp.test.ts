import { CccClient } from './CccClient';

/** A client whose fetch records each request and answers with `body` (204 when undefined). */
function clientAnswering(body?: unknown, status = body === undefined ? 204 : 200) {
  const calls: Array<{ url: string; method: string; body?: unknown; contentType?: string }> = [];
  const fetchApi = {
    fetch: jest.fn(async (url: string, init?: RequestInit) => {
      calls.push({
        url,
        method: init?.method ?? 'GET',
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
        contentType: (init?.headers as Record<string, string> | undefined)?.['Content-Type'],
      });
      return status === 204
        ? new Response(null, { status })
        : new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    }),
  };
  const discoveryApi = { getBaseUrl: jest.fn(async () => 'http://backend/api/ccc') };
  return { client: new CccClient({ discoveryApi, fetchApi: fetchApi as any }), calls };
}

const base = 'http://backend/api/ccc';
const systemId = '7d1f4c1e-0f6a-4c55-9b39-9d0f5c1a2b3c';
const serverId = '5f0c7a52-3d1e-4b8a-9c2f-1a2b3c4d5e6f';
const newServer = {
  name: 'Office mail',
  host: 'smtp.example.com',
  port: 587,
  username: 'pbx@example.com',
  password: 's3cret!',
  sender: 'pbx@example.com',
  recipient: 'noc@example.com',
  noTls: false,
  isDefault: true,
};

describe('CccClient SMTP and warnings', () => {
  it.each([
    ['listSmtpServers', (c: CccClient) => c.listSmtpServers(), 'GET', '/smtp-servers', undefined],
    ['createSmtpServer', (c: CccClient) => c.createSmtpServer(newServer), 'POST', '/smtp-servers', newServer],
    [
      'updateSmtpServer (password removed)',
      (c: CccClient) => c.updateSmtpServer(serverId, { port: 465, password: null }),
      'PATCH',
      `/smtp-servers/${serverId}`,
      { port: 465, password: null },
    ],
    [
      'checkSmtpServer',
      (c: CccClient) => c.checkSmtpServer(serverId),
      'POST',
      `/smtp-servers/${serverId}/check`,
      undefined,
    ],
    ['getSystemSmtp', (c: CccClient) => c.getSystemSmtp(systemId), 'GET', `/systems/${systemId}/smtp`, undefined],
    [
      'assignSystemSmtp',
      (c: CccClient) => c.assignSystemSmtp(systemId, serverId),
      'PUT',
      `/systems/${systemId}/smtp`,
      { smtpServerId: serverId },
    ],
    [
      'unassignSystemSmtp',
      (c: CccClient) => c.unassignSystemSmtp(systemId),
      'DELETE',
      `/systems/${systemId}/smtp`,
      undefined,
    ],
  ])('%s', async (_name, call, method, path, body) => {
    const answer = { ok: true };
    const { client, calls } = clientAnswering(answer);
    await expect(call(client)).resolves.toEqual(answer);
    expect(calls).toEqual([
      { url: `${base}${path}`, method, body, contentType: body === undefined ? undefined : 'application/json' },
    ]);
  });

  it.each([
    [
      'deleteSmtpServer',
      (c: CccClient) => c.deleteSmtpServer(serverId),
      'DELETE',
      `/smtp-servers/${serverId}`,
      undefined,
    ],
    [
      'deleteSmtpServers',
      (c: CccClient) => c.deleteSmtpServers([serverId]),
      'POST',
      '/smtp-servers/delete',
      { ids: [serverId] },
    ],
  ])('%s (answered with 204)', async (_name, call, method, path, body) => {
    const { client, calls } = clientAnswering();
    await expect(call(client)).resolves.toBeUndefined();
    expect(calls).toEqual([
      { url: `${base}${path}`, method, body, contentType: body === undefined ? undefined : 'application/json' },
    ]);
  });

  it('asks for warnings with repeated severities, text, sort and page', async () => {
    const page = { items: [{ id: 1 }], totalCount: 1 };
    let answer = clientAnswering(page);
    await expect(
      answer.client.listWarnings(systemId, {
        severities: ['serious', 'security'],
        q: ' fan & temp ',
        sort: 'severity',
        order: 'asc',
        limit: 25,
        offset: 50,
      }),
    ).resolves.toEqual(page);
    expect(answer.calls).toEqual([
      {
        url:
          `${base}/systems/${systemId}/warnings` +
          '?severity=serious&severity=security&q=fan+%26+temp&sort=severity&order=asc&limit=25&offset=50',
        method: 'GET',
        body: undefined,
        contentType: undefined,
      },
    ]);

    // Without a filter nothing is sent, so the backend's defaults apply.
    answer = clientAnswering(page);
    await answer.client.listWarnings(systemId, { severities: [], q: '  ' });
    expect(answer.calls[0].url).toBe(`${base}/systems/${systemId}/warnings`);
  });

  it('unwraps the alert mail log', async () => {
    const delivery = { id: 3, status: 'failed', error: '535 Authentication failed' };
    const { client, calls } = clientAnswering({ items: [delivery] });
    await expect(client.listAlertDeliveries(systemId)).resolves.toEqual([delivery]);
    expect(calls[0]).toMatchObject({ url: `${base}/systems/${systemId}/alerts`, method: 'GET' });
  });

  it('carries the backend refusal of a delete', async () => {
    const { client } = clientAnswering(
      {
        error: { name: 'ConflictError', message: 'Office mail is assigned to 2 system(s)' },
        response: { statusCode: 409 },
      },
      409,
    );
    const error = await client.deleteSmtpServers([serverId]).catch(e => e);
    expect(error.statusCode).toBe(409);
    expect(error.cause.message).toBe('Office mail is assigned to 2 system(s)');
  });
});
