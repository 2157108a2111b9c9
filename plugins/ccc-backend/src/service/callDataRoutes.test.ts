import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { mockCredentials, mockServices, startTestBackend, TestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { toNewCallData } from '../callData/fingerprint';
import { createCccDatabase } from '../database/CccDatabase';
import { DeviceCallData } from '../device/DeviceClient';
import { cccPlugin } from '../plugin';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const ANNA = 'user:default/anna';
const CARLA = 'user:default/carla';
const as = (user: string) => mockCredentials.user.header(user);

function deviceRecord(i: number, overrides: Partial<DeviceCallData> = {}): DeviceCallData {
  return {
    CallDataId: i + 1,
    startDate: new Date(Date.parse('2026-11-02T07:00:00Z') + i * 60_000).toISOString(),
    length: 60 + (i % 120),
    externalName: `Kunde ${i}`,
    externalPhoneNumber: `0891234${String(i % 1000).padStart(3, '0')}`,
    msn: '0301234560',
    userNumber: String(200 + (i % 4)),
    userName: 'Zentrale',
    connectedUserNumber: String(210 + (i % 4)),
    connectedUserName: 'Anna Beispiel',
    groupNumber: '',
    groupName: '',
    cost: 0,
    costFactor: 1,
    direction: i % 3 === 0 ? 'Outgoing' : 'Incoming',
    callType: 'Normal',
    success: i % 5 !== 0,
    ...overrides,
  };
}

/** Decodes nothing: the test sees the bytes the client gets, BOM included. */
function rawBody(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The call data API over HTTP: list, export with legal notice and audit, masking by role. */
describe.each(databases.eachSupportedId())('call data API (%s)', databaseId => {
  let backend: TestBackend;
  let knex: Knex;
  let systemId: string;

  async function start(callData: { masking?: string } = {}) {
    knex = await databases.init(databaseId);
    backend = await startTestBackend({
      features: [
        cccPlugin,
        // The metrics service is alpha: createBackend provides it, the test backend does not.
        metricsServiceMock.factory(),
        mockServices.database.factory({ knex }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        // Grants name catalog users.
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'User',
              metadata: { name: 'carla', namespace: 'default' },
              spec: {},
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            ccc: {
              encryptionKey: 'calldata-routes-key-0123456789abcdefghijk',
              devices: { urlTemplate: 'http://127.0.0.1:9/devices/{serial}', timeoutMs: 300 },
              callData,
            },
          },
        }),
      ],
    });
    const created = await request(backend.server)
      .post('/api/ccc/systems')
      .set('Authorization', as(ANNA))
      .send({ name: 'Zentrale', serialNumber: 'CTX000111222' })
      .expect(201);
    systemId = created.body.system.id;
  }

  const add = (records: DeviceCallData[]) =>
    createCccDatabase(knex).callData.addRecords(systemId, records.map(toNewCallData), new Date().toISOString());
  const get = (path: string, user = ANNA) =>
    request(backend.server).get(`/api/ccc/systems/${systemId}${path}`).set('Authorization', as(user));
  const exportCsv = async (query: string, user = ANNA) => {
    const res = await get(`/calldata/export.csv?${query}`, user).buffer(true).parse(rawBody);
    return { res, bytes: res.body as Buffer, text: (res.body as Buffer).toString('utf8') };
  };

  afterEach(async () => {
    await backend?.stop();
  });

  it('lists pages of the call data tab and refuses bad queries with a sentence', async () => {
    await start();
    await add(Array.from({ length: 7 }, (_, i) => deviceRecord(i)));
    const first = await get('/calldata?limit=3').expect(200);
    expect(first.body).toMatchObject({ totalCount: 7, masked: false, nextCursor: expect.any(String) });
    expect(first.body.items[0]).toEqual({
      id: expect.any(Number),
      systemId,
      startAt: '2026-11-02T07:06:00.000Z',
      durationSeconds: 66,
      externalNumber: '0891234006',
      externalName: 'Kunde 6',
      billingNumber: '202',
      billingName: 'Zentrale',
      realNumber: '212',
      realName: 'Anna Beispiel',
      line: '0301234560',
      groupNumber: '',
      groupName: '',
      success: true,
      callType: 'Normal',
      direction: 'outgoing',
      cost: 0,
      costFactor: 1,
    });
    const second = await get(`/calldata?limit=3&cursor=${first.body.nextCursor}`).expect(200);
    const third = await get(`/calldata?limit=3&cursor=${second.body.nextCursor}`).expect(200);
    expect(third.body.nextCursor).toBeNull();
    expect(
      [...first.body.items, ...second.body.items, ...third.body.items].map(
        (r: { externalName: string }) => r.externalName,
      ),
    ).toEqual(['Kunde 6', 'Kunde 5', 'Kunde 4', 'Kunde 3', 'Kunde 2', 'Kunde 1', 'Kunde 0']);
    expect((await get('/calldata?direction=outgoing&success=true').expect(200)).body.totalCount).toBe(2);

    const refusals: Array<[string, RegExp]> = [
      ['from=yesterday', /from must be an ISO 8601 date and time/],
      ['from=2026-11-03T00:00:00Z&to=2026-11-02T00:00:00Z', /from must be before to/],
      ['sort=start_at%3B%20DROP%20TABLE%20call_data', /sort is one of startAt/],
      ['limit=501', /limit is at most 500/],
      ['cursor=not-ours', /not a cursor this API handed out/],
      ['q[$gt]=x', /q: Invalid input/],
      ["extension=1'%20OR%201=1", /extension is an internal number/],
    ];
    for (const [query, message] of refusals) {
      const res = await get(`/calldata?${query}`);
      expect({ query, status: res.status, message: res.body.error?.message }).toEqual({
        query,
        status: 400,
        message: expect.stringMatching(message),
      });
    }
    expect((await get('/calldata').expect(200)).body.totalCount).toBe(7);
  });

  it('exports the whole filtered result as gespr_dat.csv, defused, and records every export', async () => {
    await start();
    await add([
      ...Array.from({ length: 1_234 }, (_, i) => deviceRecord(i)),
      deviceRecord(5_000, {
        startDate: '2026-07-01T10:00:00Z',
        length: 3_723,
        externalPhoneNumber: '+4930123456',
        externalName: '=HYPERLINK("http://evil.example")',
        userName: '@SUM(A1)',
        connectedUserName: '-2+3',
        callType: 'CfExtern',
        success: false,
        direction: 'Outgoing',
      }),
      deviceRecord(5_001, { startDate: '2026-01-15T23:30:00Z', externalName: 'Probe & Söhne; KG' }),
    ]);

    const refused = await exportCsv('');
    expect(refused.res.status).toBe(400);
    expect(JSON.parse(refused.text).error.message).toMatch(/Acknowledge the legal notice on call data first/);

    const { res, bytes, text } = await exportCsv('acknowledge=true');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="gespr_dat.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.split('\r\n').every(line => !line.includes('\n'))).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe(
      'Datum/Uhrzeit;Dauer;Externer Partner;Externer Name;Nr. Rechnung;Name Rechnung;Name real;Anschluss;Abrechnungsart;Anruftyp',
    );
    // Every row, not a page; oldest first.
    expect(lines).toHaveLength(1 + 1_236);
    expect(lines[1]).toBe(
      '16.01.2026 00:30:00;00:02:21;0891234001;"Probe & Söhne; KG";201;Zentrale;Anna Beispiel;0301234560;erfolgreich;Normal',
    );
    expect(lines[2]).toBe(
      `01.07.2026 12:00:00;01:02:03;'+4930123456;"'=HYPERLINK(""http://evil.example"")";200;'@SUM(A1);'-2+3;0301234560;vergeblich;CfExtern`,
    );
    expect(lines[3]).toMatch(/^02\.11\.2026 08:00:00;00:01:00;0891234000;Kunde 0;200;/);

    const outgoing = await exportCsv('acknowledge=true&direction=outgoing&order=desc');
    // Every third generated record, and the two crafted ones (5000 and 5001 are outgoing too).
    expect(outgoing.text.split('\r\n').length - 2).toBe(412 + 2);

    const trail = await get('/audit').expect(200);
    const exports = trail.body.items.filter((e: { action: string }) => e.action === 'calldata.export');
    expect(exports).toEqual([
      expect.objectContaining({
        actorRef: ANNA,
        systemId,
        details: { filter: { direction: 'outgoing', order: 'desc' }, rows: 414, complete: true, masked: false },
      }),
      expect.objectContaining({ details: { filter: { order: 'asc' }, rows: 1_236, complete: true, masked: false } }),
    ]);
  });

  it('serves the fleet view, its export and the statistics of a system and of the fleet', async () => {
    await start({ masking: 'all' });
    await add(Array.from({ length: 7 }, (_, i) => deviceRecord(i)));
    const fleet = (path: string) => request(backend.server).get(`/api/ccc${path}`).set('Authorization', as(ANNA));

    const page = await fleet('/calldata?limit=5&sort=duration').expect(200);
    expect(page.body).toMatchObject({ totalCount: 7, masked: true, systemNames: { [systemId]: 'Zentrale' } });
    expect(page.body.items.map((r: { durationSeconds: number }) => r.durationSeconds)).toEqual([66, 65, 64, 63, 62]);
    expect((await fleet('/calldata?sort=nope').expect(400)).body.error.message).toMatch(/sort is one of/);

    const csv = await fleet('/calldata/export.csv?acknowledge=true&direction=outgoing').buffer(true).parse(rawBody);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="gespr_dat.csv"');
    const lines = (csv.body as Buffer).toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Anlage;Datum\/Uhrzeit;/);
    expect(lines.slice(1, -1)).toEqual([
      expect.stringMatching(/^Zentrale;02\.11\.2026 08:00:00;00:01:00;0891234\*\*\*;Kunde 0;/),
      expect.stringMatching(/^Zentrale;02\.11\.2026 08:03:00;/),
      expect.stringMatching(/^Zentrale;02\.11\.2026 08:06:00;/),
    ]);
    // Audited in the fleet's trail: no system, the systems it covered.
    const trail = await fleet('/audit').expect(200);
    expect(trail.body.items.find((e: { action: string }) => e.action === 'calldata.export')).toMatchObject({
      actorRef: ANNA,
      systemId: null,
      details: { fleet: true, systems: 1, rows: 3, complete: true, masked: true, filter: { direction: 'outgoing' } },
    });

    const range = 'from=2026-11-02T00:00:00Z&to=2026-11-03T00:00:00Z&timeZone=UTC';
    const system = await get(`/calldata/statistics?${range}`).expect(200);
    const all = await fleet(`/calldata/statistics?${range}`).expect(200);
    // A minute apart for 60 + i s, answered unless i % 5 === 0: 61, 62, 63, 64, 66 s; each overlaps the next.
    expect(system.body).toMatchObject({
      masked: true,
      totals: { calls: 7, answered: 5, medianDurationSeconds: 63, averageDurationSeconds: 63.2 },
      peakConcurrent: { calls: 2 },
      perDay: [{ day: '2026-11-02', calls: 7, answered: 5 }],
      topExternalNumbers: [{ externalNumber: '0891234***', calls: 7 }],
    });
    expect(all.body).toEqual(system.body);
    expect((await get('/calldata/statistics?timeZone=Nowhere').expect(400)).body.error.message).toMatch(
      /timeZone must be an IANA time zone/,
    );
  });

  it('masks external numbers for everyone but holders of the Call data role, in the list and the export', async () => {
    await start({ masking: 'allButCallDataRole' });
    await add([deviceRecord(1, { externalPhoneNumber: '0891234567' })]);
    const owner = await get('/calldata').expect(200);
    expect(owner.body).toMatchObject({ masked: true, items: [{ externalNumber: '0891234***' }] });
    expect((await exportCsv('acknowledge=true')).text).toContain(';0891234***;');

    await request(backend.server)
      .put(`/api/ccc/systems/${systemId}/grants`)
      .set('Authorization', as(ANNA))
      .send({ subjectRef: CARLA, roles: ['callData'] })
      .expect(200);
    const carla = await get('/calldata', CARLA).expect(200);
    expect(carla.body).toMatchObject({ masked: false, items: [{ externalNumber: '0891234567' }] });
    expect((await exportCsv('acknowledge=true', CARLA)).text).toContain(';0891234567;');
    const trail = await get('/audit').expect(200);
    expect(
      trail.body.items
        .filter((e: { action: string }) => e.action === 'calldata.export')
        .map((e: { actorRef: string; details: { masked: boolean } }) => [e.actorRef, e.details.masked]),
    ).toEqual([
      [CARLA, false],
      [ANNA, true],
    ]);
  });
});
