import { ResponseError } from '@backstage/errors';
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
const groupId = 'b3a1c9d2-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

describe('CccClient access control', () => {
  it.each([
    ['getAccess', (c: CccClient) => c.getAccess(systemId), 'GET', `/systems/${systemId}/access`, undefined],
    [
      'setGrant',
      (c: CccClient) => c.setGrant(systemId, { subjectRef: 'group:default/ops', roles: ['monitoring'] }),
      'PUT',
      `/systems/${systemId}/grants`,
      { subjectRef: 'group:default/ops', roles: ['monitoring'] },
    ],
    [
      'transferOwnership',
      (c: CccClient) => c.transferOwnership(systemId, 'user:default/ben'),
      'POST',
      `/systems/${systemId}/owner`,
      { ownerRef: 'user:default/ben' },
    ],
    ['getUserGroup', (c: CccClient) => c.getUserGroup(groupId), 'GET', `/groups/${groupId}`, undefined],
    [
      'createUserGroup',
      (c: CccClient) =>
        c.createUserGroup({ name: 'Night', description: '', defaultRole: 'monitoring', visibility: 'public' }),
      'POST',
      '/groups',
      { name: 'Night', description: '', defaultRole: 'monitoring', visibility: 'public' },
    ],
    [
      'updateUserGroup',
      (c: CccClient) => c.updateUserGroup(groupId, { visibility: 'private' }),
      'PATCH',
      `/groups/${groupId}`,
      { visibility: 'private' },
    ],
    ['joinUserGroup', (c: CccClient) => c.joinUserGroup(groupId), 'POST', `/groups/${groupId}/join`, undefined],
    [
      'setUserGroupMember',
      (c: CccClient) => c.setUserGroupMember(groupId, { memberRef: 'user:default/ben', roles: ['backup'] }),
      'PUT',
      `/groups/${groupId}/members`,
      { memberRef: 'user:default/ben', roles: ['backup'] },
    ],
    [
      'addUserGroupSystem',
      (c: CccClient) => c.addUserGroupSystem(groupId, systemId),
      'PUT',
      `/groups/${groupId}/systems`,
      { systemId },
    ],
  ])('%s', async (_name, call, method, path, body) => {
    const { client, calls } = clientAnswering({ ok: true });
    await call(client);
    expect(calls).toEqual([
      { url: `${base}${path}`, method, body, contentType: body === undefined ? undefined : 'application/json' },
    ]);
  });

  it.each([
    [
      'revokeGrant',
      (c: CccClient) => c.revokeGrant(systemId, 'user:default/ben'),
      'DELETE',
      `/systems/${systemId}/grants?subjectRef=user%3Adefault%2Fben`,
      undefined,
    ],
    [
      'deleteGrants',
      (c: CccClient) => c.deleteGrants([{ systemId, subjectRef: 'user:default/ben' }]),
      'POST',
      '/grants/delete',
      { items: [{ systemId, subjectRef: 'user:default/ben' }] },
    ],
    ['deleteUserGroup', (c: CccClient) => c.deleteUserGroup(groupId), 'DELETE', `/groups/${groupId}`, undefined],
    ['deleteUserGroups', (c: CccClient) => c.deleteUserGroups([groupId]), 'POST', '/groups/delete', { ids: [groupId] }],
    ['leaveUserGroup', (c: CccClient) => c.leaveUserGroup(groupId), 'POST', `/groups/${groupId}/leave`, undefined],
    [
      'removeUserGroupMember',
      (c: CccClient) => c.removeUserGroupMember(groupId, 'user:default/ben'),
      'DELETE',
      `/groups/${groupId}/members?memberRef=user%3Adefault%2Fben`,
      undefined,
    ],
    [
      'removeUserGroupSystem',
      (c: CccClient) => c.removeUserGroupSystem(groupId, systemId),
      'DELETE',
      `/groups/${groupId}/systems/${systemId}`,
      undefined,
    ],
  ])('%s (answered with 204)', async (_name, call, method, path, body) => {
    const { client, calls } = clientAnswering();
    await expect(call(client)).resolves.toBeUndefined();
    expect(calls).toEqual([
      { url: `${base}${path}`, method, body, contentType: body === undefined ? undefined : 'application/json' },
    ]);
  });

  it('unwraps the lists', async () => {
    const grant = { systemId, subjectRef: 'user:default/ben' };
    let answer = clientAnswering({ items: [grant] });
    await expect(answer.client.listMyGrants()).resolves.toEqual([grant]);
    expect(answer.calls[0].url).toBe(`${base}/grants`);

    answer = clientAnswering({ items: [{ id: groupId }] });
    await expect(answer.client.listUserGroups()).resolves.toEqual([{ id: groupId }]);
    expect(answer.calls[0].url).toBe(`${base}/groups`);
  });

  it('pages the audit trails with limit and before', async () => {
    const event = { id: 41, action: 'grant.set' };
    let answer = clientAnswering({ items: [event] });
    await expect(answer.client.listSystemAudit(systemId, { limit: 50, before: 42 })).resolves.toEqual([event]);
    expect(answer.calls[0]).toMatchObject({
      url: `${base}/systems/${systemId}/audit?limit=50&before=42`,
      method: 'GET',
    });

    answer = clientAnswering({ items: [] });
    await answer.client.listSystemAudit(systemId);
    expect(answer.calls[0].url).toBe(`${base}/systems/${systemId}/audit`);

    answer = clientAnswering({ items: [event] });
    await expect(answer.client.listFleetAudit({ limit: 10 })).resolves.toEqual([event]);
    expect(answer.calls[0].url).toBe(`${base}/audit?limit=10`);
  });

  it('throws a ResponseError carrying the backend message', async () => {
    const { client } = clientAnswering(
      {
        error: { name: 'NotAllowedError', message: 'Only the owner of Night may change it' },
        response: { statusCode: 403 },
      },
      403,
    );
    const error = await client.updateUserGroup(groupId, { name: 'Day' }).catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(403);
    expect(error.cause.message).toBe('Only the owner of Night may change it');
  });
});
