import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { mockCredentials, mockServices, startTestBackend, TestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { cccPlugin } from '../plugin';

jest.setTimeout(30_000);

const ANNA = 'user:default/anna';
const BOB = 'user:default/bob';

describe('CCC systems API', () => {
  let backend: TestBackend;
  const success = jest.fn();
  const fail = jest.fn();
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async () => ({ success, fail })),
  });

  beforeEach(async () => {
    jest.clearAllMocks();
    backend = await startTestBackend({
      features: [
        cccPlugin,
        // The metrics service is alpha: createBackend provides it, the test backend does not.
        metricsServiceMock.factory(),
        auditor.factory,
        mockServices.rootConfig.factory({
          data: {
            ccc: {
              encryptionKey: 'router-test-key-0123456789abcdefghijklmno',
              // Nothing listens here: status reads fail fast as "unreachable".
              devices: { urlTemplate: 'http://127.0.0.1:9/devices/{serial}', timeoutMs: 500 },
            },
          },
        }),
      ],
    });
  });

  afterEach(async () => {
    await backend.stop();
  });

  const as = (user: string) => mockCredentials.user.header(user);
  const register = (body: object, user = ANNA) =>
    request(backend.server).post('/api/ccc/systems').set('Authorization', as(user)).send(body);

  it('needs a signed-in user', async () => {
    await request(backend.server).get('/api/ccc/systems').set('Authorization', mockCredentials.none.header()).expect(401);
    await request(backend.server)
      .post('/api/ccc/systems')
      .set('Authorization', mockCredentials.user.invalidHeader())
      .send({ name: 'x', serialNumber: 'CTX000111222' })
      .expect(401);
  });

  it('lets a service (the catalog module) list systems', async () => {
    await register({ name: 'Zentrale', serialNumber: 'CTX000111222' }).expect(201);
    const res = await request(backend.server)
      .get('/api/ccc/systems')
      .set('Authorization', mockCredentials.service.header({ onBehalfOf: mockCredentials.service('plugin:catalog'), targetPluginId: 'ccc' }))
      .expect(200);
    expect(res.body.items.map((s: { serialNumber: string }) => s.serialNumber)).toEqual(['CTX000111222']);
  });

  it('lists systems a page at a time, filtered and sorted, and answers a bad query with 400 in words', async () => {
    for (const [name, serialNumber] of [
      ['Nord', 'CTX000000003'],
      ['Ost', 'CTX000000001'],
      ['Süd', 'CTX000000002'],
    ]) {
      await register({ name, serialNumber }).expect(201);
    }
    const list = (query: string) => request(backend.server).get(`/api/ccc/systems${query}`).set('Authorization', as(ANNA));
    const names = (body: { items: Array<{ name: string }> }) => body.items.map(s => s.name);

    const all = await list('').expect(200);
    expect(names(all.body)).toEqual(['Nord', 'Ost', 'Süd']);
    expect(all.body.totalCount).toBe(3);
    const second = await list('?limit=1&offset=1&sort=serialNumber&order=desc').expect(200);
    expect(second.body).toMatchObject({ totalCount: 3, items: [{ serialNumber: 'CTX000000002' }] });
    const filtered = await list('?q=ctx000000001&state=token_pending&limit=10').expect(200);
    expect(names(filtered.body)).toEqual(['Ost']);
    expect(filtered.body.totalCount).toBe(1);

    expect((await list('?limit=0').expect(400)).body.error.message).toMatch(/limit is at least 1/);
    expect((await list('?limit=501').expect(400)).body.error.message).toMatch(/limit is at most 500/);
    expect((await list('?offset=5').expect(400)).body.error.message).toMatch(/offset needs limit/);
    expect((await list('?sort=owner').expect(400)).body.error.message).toMatch(/sort is one of name, serialNumber/);
    expect((await list('?state=broken').expect(400)).body.error.message).toMatch(/state is one of/);
    expect((await list('?colour=red').expect(400)).body.error.message).toMatch(/colour/);
  });

  it('registers, answers bad input with 400 and a duplicate with 409, in words', async () => {
    const created = await register({ name: 'Zentrale', serialNumber: 'ctx000111222' }).expect(201);
    expect(created.body.token.code).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    expect(created.body.system).toMatchObject({ serialNumber: 'CTX000111222', ownerRef: ANNA, state: 'token_pending' });

    const bad = await register({ name: 'X', serialNumber: 'not a serial' }).expect(400);
    expect(bad.body.error.message).toMatch(/serialNumber: The serial number must be 10 to 12 letters and digits/);
    const missing = await register({}).expect(400);
    expect(missing.body.error.message).toMatch(/name/);
    const dup = await register({ name: 'Again', serialNumber: 'CTX000111222' }).expect(409);
    expect(dup.body.error.message).toBe('A COMtrexx with serial number CTX000111222 is already registered');
    const notJson = await request(backend.server)
      .post('/api/ccc/systems')
      .set('Authorization', as(ANNA))
      .set('Content-Type', 'application/json')
      .send('{"name":')
      .expect(400);
    expect(notJson.body.error).toBeDefined();
  });

  it('reports changes to the Backstage auditor, failed ones too, and keeps its own trail', async () => {
    const { body } = await register({ name: 'Zentrale', serialNumber: 'CTX000111222' }).expect(201);
    await register({ name: 'Zentrale', serialNumber: 'CTX000111222' }).expect(409);
    expect(auditor.createEvent).toHaveBeenCalledWith(expect.objectContaining({ eventId: 'ccc-system-register' }));
    expect(success).toHaveBeenCalledTimes(1);
    expect(fail).toHaveBeenCalledWith({ error: expect.objectContaining({ name: 'ConflictError' }) });
    const trail = await request(backend.server)
      .get(`/api/ccc/systems/${body.system.id}/audit`)
      .set('Authorization', as(ANNA))
      .expect(200);
    expect(trail.body.items).toEqual([
      expect.objectContaining({ action: 'system.register', actorRef: ANNA, details: { name: 'Zentrale', serialNumber: 'CTX000111222' } }),
    ]);
    await request(backend.server).get('/api/ccc/audit?limit=0').set('Authorization', as(ANNA)).expect(400);
  });

  it('answers unknown endpoints with 404 in words', async () => {
    const res = await request(backend.server).get('/api/ccc/nothing-here').set('Authorization', as(ANNA)).expect(404);
    expect(res.body.error.message).toBe('No such CCC endpoint: GET /nothing-here');
  });

  it('finds systems by id and serial, and says 404 for unknown ones', async () => {
    const { body } = await register({ name: 'Zentrale', serialNumber: 'CTX000111222' });
    await request(backend.server).get(`/api/ccc/systems/${body.system.id}`).set('Authorization', as(BOB)).expect(200);
    const bySerial = await request(backend.server).get('/api/ccc/systems/by-serial/ctx000111222').set('Authorization', as(ANNA)).expect(200);
    expect(bySerial.body.id).toBe(body.system.id);
    const unknown = await request(backend.server).get('/api/ccc/systems/nope').set('Authorization', as(ANNA)).expect(404);
    expect(unknown.body.error.message).toMatch(/No system/);
  });

  it('renames, renews and cancels tokens', async () => {
    const { body } = await register({ name: 'Zentrale', serialNumber: 'CTX000111222' });
    const id = body.system.id;
    const renamed = await request(backend.server).patch(`/api/ccc/systems/${id}`).set('Authorization', as(ANNA)).send({ name: 'Nord' }).expect(200);
    expect(renamed.body.name).toBe('Nord');
    await request(backend.server).patch(`/api/ccc/systems/${id}`).set('Authorization', as(ANNA)).send({ colour: 'red' }).expect(400);
    const renewed = await request(backend.server).post(`/api/ccc/systems/${id}/token`).set('Authorization', as(ANNA)).expect(200);
    expect(renewed.body.code).not.toBe(body.token.code);
    await request(backend.server).delete(`/api/ccc/systems/${id}/token`).set('Authorization', as(ANNA)).expect(204);
    await request(backend.server).delete(`/api/ccc/systems/${id}/token`).set('Authorization', as(ANNA)).expect(409);
  });

  it('pairs without user credentials and explains refusals', async () => {
    const { body } = await register({ name: 'Zentrale', serialNumber: 'CTX000111222' });
    const pair = (payload: object) => request(backend.server).post('/api/ccc/pairing').send(payload);
    const credentials = { username: 'ccc-api', password: 'secret-device-pw' };

    expect((await pair({ serialNumber: 'CTX000111222' }).expect(400)).body.error.message).toMatch(/token/);
    expect((await pair({ serialNumber: 'CTX999999999', token: body.token.code, credentials }).expect(404)).body.error.message).toMatch(/Register it first/);
    expect((await pair({ serialNumber: 'CTX000111222', token: 'AAAA-BBBB-CCCC', credentials }).expect(403)).body.error.message).toMatch(/confirmation code is wrong/);
    await pair({ serialNumber: 'CTX000111222', token: body.token.code, credentials }).expect(200, { paired: true });

    const system = await request(backend.server).get(`/api/ccc/systems/${body.system.id}`).set('Authorization', as(ANNA));
    expect(system.body.paired).toBe(true);
    expect(JSON.stringify(system.body)).not.toContain('secret-device-pw');
  });

  it('rate-limits pairing attempts per serial number', async () => {
    await register({ name: 'Zentrale', serialNumber: 'CTX000111222' });
    const attempt = () =>
      request(backend.server)
        .post('/api/ccc/pairing')
        .send({ serialNumber: 'CTX000111222', token: 'AAAA-BBBB-CCCC', credentials: { username: 'u', password: 'p' } });
    for (let i = 0; i < 10; i++) {
      await attempt().expect(403);
    }
    const limited = await attempt().expect(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.body.error.message).toMatch(/Too many pairing attempts/);
  });

  it('lets only the owner delete', async () => {
    const { body } = await register({ name: 'Zentrale', serialNumber: 'CTX000111222' });
    const refused = await request(backend.server).delete(`/api/ccc/systems/${body.system.id}`).set('Authorization', as(BOB)).expect(403);
    expect(refused.body.error.message).toMatch(/Only the owner/);
    await request(backend.server).delete(`/api/ccc/systems/${body.system.id}`).set('Authorization', as(ANNA)).expect(204);
    await request(backend.server).get(`/api/ccc/systems/${body.system.id}`).set('Authorization', as(ANNA)).expect(404);
  });

  it('marks an unreachable paired device in error on refresh, without failing the request', async () => {
    const { body } = await register({ name: 'Zentrale', serialNumber: 'CTX000111222' });
    await request(backend.server)
      .post('/api/ccc/pairing')
      .send({ serialNumber: 'CTX000111222', token: body.token.code, credentials: { username: 'u', password: 'p' } })
      .expect(200);
    const res = await request(backend.server).post(`/api/ccc/systems/${body.system.id}/refresh`).set('Authorization', as(ANNA)).expect(200);
    expect(res.body).toMatchObject({ state: 'error', stateReason: 'unreachable', paired: true });
  });
});
