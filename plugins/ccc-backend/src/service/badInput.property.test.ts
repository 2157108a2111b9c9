import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { mockCredentials, mockServices, startTestBackend, TestBackend } from '@backstage/backend-test-utils';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { Knex } from 'knex';
import request from 'supertest';
import { TestDatabases } from '@backstage/backend-test-utils';
import { cccPlugin } from '../plugin';
import { createRouter } from './router';

jest.setTimeout(300_000);

/*
 * Generated bad input against every route of the router (read from the
 * router itself, so a new route is covered without touching this file):
 * malformed ids, query strings and bodies must get a 4xx with a sentence,
 * never a 5xx, and a refused request must leave the database as it was.
 */

const ANNA = 'user:default/anna';
// One database is enough here: the stores are tested on both elsewhere.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

// Tables whose content a refused request must not change (everything the CCC owns).
const TABLES = [
  'systems',
  'system_grants',
  'user_groups',
  'user_group_members',
  'user_group_systems',
  'audit_events',
  'smtp_servers',
  'system_smtp',
  'system_warnings',
  'alert_deliveries',
  'device_cursors',
  'device_jobs',
  'backup_settings',
  'backup_status',
  'remote_links',
  'monitoring_buckets',
  'phone_status',
  'trunk_status',
  'call_data',
  'rollouts',
  'rollout_systems',
];

async function snapshot(knex: Knex): Promise<string> {
  const hash = createHash('sha256');
  for (const table of TABLES) {
    const rows = await knex(table).select();
    const lines = rows.map(row => JSON.stringify(row)).sort();
    hash.update(`${table}:${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** Every route of the router as method and path pattern. */
async function routes(): Promise<Array<{ method: string; path: string }>> {
  const router = await createRouter({} as Parameters<typeof createRouter>[0]);
  const stack = (router as unknown as { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> })
    .stack;
  return stack
    .filter(layer => layer.route)
    .flatMap(layer => Object.keys(layer.route!.methods).map(method => ({ method, path: layer.route!.path })));
}

// Strings that have broken parsers elsewhere: quotes, SQL, traversal, huge, unicode, JSON in JSON.
const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "' OR 1=1 --",
    '%',
    '_',
    '../../etc/passwd',
    '\u0000',
    '😀',
    '{"$ne":null}',
    'x'.repeat(5000),
    '-1',
    '1e309',
    'NaN',
    '2026-13-45T99:99:99Z',
    'null',
  ),
);
const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('name', 'serialNumber', 'roles', 'subjectRef', 'ids', 'items', 'port', 'host', 'interval', 'keepLast', 'confirm', 'smtpServerId', 'memberRef', 'systemId', 'password'), fc.jsonValue({ maxDepth: 2 })),
);
const query = fc.dictionary(
  fc.constantFrom('limit', 'offset', 'before', 'range', 'sort', 'order', 'q', 'severity', 'from', 'to', 'kind', 'subjectRef', 'memberRef', 'state', 'systemId', 'cursor', 'acknowledge', 'direction', 'success'),
  nasty,
  { minKeys: 1, maxKeys: 6 },
);

describe('generated bad input on every route', () => {
  let backend: TestBackend;
  let knex: Knex;
  let systemId: string;
  let groupId: string;

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    backend = await startTestBackend({
      features: [
        cccPlugin,
        metricsServiceMock.factory(),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            ccc: {
              encryptionKey: 'bad-input-test-key-0123456789abcdefghijkl',
              devices: { urlTemplate: 'http://127.0.0.1:9/devices/{serial}', timeoutMs: 300 },
            },
          },
        }),
      ],
    });
  });

  // A generated request may happen to be valid (a DELETE with the real id):
  // before each route the system and the group are there again.
  async function ensureWorld() {
    const as = mockCredentials.user.header(ANNA);
    const existing = systemId && (await request(backend.server).get(`/api/ccc/systems/${systemId}`).set('Authorization', as));
    if (!existing || existing.status !== 200) {
      const created = await request(backend.server)
        .post('/api/ccc/systems')
        .set('Authorization', as)
        .send({ name: 'Zentrale', serialNumber: 'CTX000111222' })
        .expect(201);
      systemId = created.body.system.id;
    }
    const group = groupId && (await request(backend.server).get(`/api/ccc/groups/${groupId}`).set('Authorization', as));
    if (!group || group.status !== 200) {
      const made = await request(backend.server)
        .post('/api/ccc/groups')
        .set('Authorization', as)
        .send({ name: 'NOC', defaultRole: 'monitoring', visibility: 'public' })
        .expect(201);
      groupId = made.body.id;
    }
  }

  afterAll(async () => {
    await backend?.stop();
  });

  it('answers every malformed request with a 4xx sentence and changes nothing', async () => {
    const all = await routes();
    expect(all.length).toBeGreaterThan(50);
    const problems: string[] = [];
    // Constants for the property below (the describe-level variables are reassigned in beforeAll).
    const server = backend.server;
    const db = knex;
    for (const route of all) {
      await ensureWorld();
      // Mostly real ids, so that requests get past "not found" into validation.
      const realId = route.path.startsWith('/groups') ? groupId : systemId;
      const param = (name: string) =>
        name === 'id' || name === 'systemId'
          ? fc.oneof({ arbitrary: fc.constant(realId), weight: 4 }, { arbitrary: nasty, weight: 1 })
          : nasty;
      const names = [...route.path.matchAll(/:(\w+)/g)].map(m => m[1]);
      await fc.assert(
        fc.asyncProperty(fc.tuple(...names.map(param)), nasty, query, jsonish, async (values, star, q, body) => {
          let path = route.path;
          names.forEach((name, i) => {
            path = path.replace(`:${name}`, encodeURIComponent(values[i]));
          });
          path = path.replace('*', encodeURIComponent(star));
          const before = await snapshot(db);
          const req = request(server)
            [route.method as 'get' | 'post' | 'put' | 'patch' | 'delete'](`/api/ccc${path}`)
            .set('Authorization', mockCredentials.user.header(ANNA))
            .query(q);
          // Sent as JSON text: superagent refuses bare numbers and booleans as bodies.
          const res =
            route.method === 'get' || route.method === 'delete'
              ? await req
              : await req.set('Content-Type', 'application/json').send(JSON.stringify(body));
          if (res.status >= 500) {
            problems.push(`${route.method.toUpperCase()} ${route.path}: ${res.status} for ${path} ${res.text.slice(0, 200)}`);
          } else if (res.status >= 400) {
            const message = res.body?.error?.message;
            if (typeof message !== 'string' || message.trim().length < 5) {
              problems.push(`${route.method.toUpperCase()} ${route.path}: ${res.status} without a sentence`);
            }
            if ((await snapshot(db)) !== before) {
              problems.push(`${route.method.toUpperCase()} ${route.path}: refused (${res.status}) but changed the database`);
            }
          }
        }),
        { numRuns: 40, seed: 4711 },
      );
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
