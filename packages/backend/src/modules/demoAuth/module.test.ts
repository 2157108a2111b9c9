import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { Entity } from '@backstage/catalog-model';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { demoUserAuthenticator, readDemoUsers } from './demoUserAuthenticator';
import { authModuleCccDemoProvider, DEMO_USER_HEADER } from '.';

jest.setTimeout(30_000);

const user = (name: string, memberOf: string[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { displayName: name.toUpperCase(), email: `${name}@example.com` }, memberOf },
  // What catalog processing would add; ownership claims are read from these relations.
  relations: memberOf.map(g => ({ type: 'memberOf', targetRef: `group:default/${g}` })),
});

const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});

// Eva is in the catalog but not in the demo list; ghost is in the list but not in the catalog.
const entities = [user('anna', ['fleet-admins']), user('eva'), group('fleet-admins')];

async function startAuth(providers: JsonObject) {
  return startTestBackend({
    features: [
      authPlugin,
      authModuleCccDemoProvider,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { baseUrl: 'http://localhost:7007' },
          auth: { providers },
        },
      }),
    ],
  });
}

const refresh = (server: Parameters<typeof request>[0], chosen?: string) => {
  const req = request(server).get('/api/auth/ccc-demo/refresh').set('X-Requested-With', 'XMLHttpRequest');
  return chosen ? req.set(DEMO_USER_HEADER, chosen) : req;
};

describe('ccc-demo auth provider', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('signs in a configured demo user as the catalog user, with their groups as claims', async () => {
    const backend = await startAuth({
      'ccc-demo': { users: [{ user: 'anna', description: 'fleet administrator' }, { user: 'user:default/ghost' }] },
    });
    try {
      const res = await refresh(backend.server, 'anna');
      expect(res.status).toBe(200);
      expect(res.body.profile).toEqual({ displayName: 'ANNA', email: 'anna@example.com' });
      expect(res.body.backstageIdentity.token).toEqual(expect.any(String));
      expect(res.body.backstageIdentity.identity).toEqual({
        type: 'user',
        userEntityRef: 'user:default/anna',
        ownershipEntityRefs: expect.arrayContaining(['user:default/anna', 'group:default/fleet-admins']),
      });

      // The full ref works as well as the name.
      expect((await refresh(backend.server, 'User:default/Anna')).status).toBe(200);
    } finally {
      await backend.stop();
    }
  });

  it('refuses users the config does not list, users missing from the catalog and requests without a choice', async () => {
    const backend = await startAuth({ 'ccc-demo': { users: [{ user: 'anna' }, { user: 'ghost' }] } });
    try {
      const eva = await refresh(backend.server, 'eva');
      expect(eva.status).toBe(403);
      expect(eva.body.error.message).toMatch(/user:default\/eva is not one of the configured demo users/);
      expect((await refresh(backend.server, 'group:default/fleet-admins')).status).toBe(403);
      // Listed but not in the catalog: no identity is made up.
      expect((await refresh(backend.server, 'ghost')).status).toBe(404);
      expect((await refresh(backend.server)).status).toBe(401);
    } finally {
      await backend.stop();
    }
  });

  it('refuses every sign-in when the provider is not configured', async () => {
    const backend = await startAuth({ guest: {} });
    try {
      const res = await refresh(backend.server, 'anna');
      expect(res.status).toBe(404);
      expect(res.body.error.message).toMatch(/No auth provider registered for 'ccc-demo'/);
    } finally {
      await backend.stop();
    }
  });

  it('keeps the backend from starting outside development', async () => {
    process.env.NODE_ENV = 'production';
    await expect(startAuth({ 'ccc-demo': { users: [{ user: 'anna' }] } })).rejects.toThrow(
      /ccc-demo sign-in .* works only in development \(NODE_ENV is production\)/,
    );
  });

  it('refuses to start without demo users and refuses sign-ins once NODE_ENV is not development', async () => {
    expect(() => readDemoUsers(new ConfigReader({}))).toThrow(/lists no demo users/);
    expect(() => readDemoUsers(new ConfigReader({ users: [{ user: 'group:default/noc' }] }))).toThrow(/not a user/);

    const users = demoUserAuthenticator.initialize({ config: new ConfigReader({ users: [{ user: 'anna' }] }) });
    const req = { get: (name: string) => (name === DEMO_USER_HEADER ? 'anna' : undefined) } as any;
    await expect(demoUserAuthenticator.authenticate({ req }, users)).resolves.toEqual({
      result: { userEntityRef: 'user:default/anna' },
    });
    delete process.env.NODE_ENV;
    await expect(demoUserAuthenticator.authenticate({ req }, users)).rejects.toThrow(/NODE_ENV is unset/);
  });
});
