import { CALL_DATA_CAPACITY, CALL_DATA_CSV_HEADER, CallDataRecord, callDataWindow } from './callData';
import { runCli } from './commands';
import { CALL_DATA_ID_ZERO_INDEX } from './fleet';
import { RunningSimulator, startSimulator } from './server';
import { captureIo, logIn, makeManageable } from './testUtils';

const HOUR_MS = 3_600_000;

describe('GET /api/v1/calldata', () => {
  let clock: Date;
  let simulator: RunningSimulator;
  let cookie: string;

  const get = (query = '', index = 0, headers: Record<string, string> = { cookie }) =>
    fetch(`${simulator.url}/devices/${simulator.fleet[index].serialNumber}/api/v1/calldata${query}`, { headers });
  const body = async (query = '', index = 0) => {
    const res = await get(query, index);
    expect(res.status).toBe(200);
    return (await res.json()) as { _links: { totalCount: number; next?: string }; data: CallDataRecord[] };
  };
  /** Every record of a query, following the next links. */
  const all = async (query: string, index = 0): Promise<CallDataRecord[]> => {
    const rows: CallDataRecord[] = [];
    let next: string | undefined = `/api/v1/calldata?${query}`;
    while (next) {
      const page = await body(next.replace('/api/v1/calldata', ''), index);
      rows.push(...page.data);
      next = page._links.next;
    }
    return rows;
  };
  const advance = async (ms: number) => {
    clock = new Date(clock.getTime() + ms);
    // Longer than a day outlasts the 24-hour session.
    cookie = await logIn(simulator.url, simulator.fleet[0]);
  };
  const sinceParam = (ms: number) => encodeURIComponent(new Date(ms).toISOString());

  beforeEach(async () => {
    clock = new Date('2026-06-01T10:00:00Z');
    simulator = await startSimulator({ seed: 8, size: CALL_DATA_ID_ZERO_INDEX + 1, now: () => clock });
    cookie = await makeManageable(simulator.url, simulator.fleet[0]);
  });

  afterEach(async () => {
    await simulator.close();
  });

  it('answers the newest 18,000 records, oldest first, 50 to a page', async () => {
    const page = await body();
    const { oldest } = callDataWindow(simulator.fleet[0], clock);
    expect(page._links).toEqual({ totalCount: CALL_DATA_CAPACITY, next: '/api/v1/calldata?limit=50&offset=50' });
    expect(page.data.map(r => r.CallDataId)).toEqual(Array.from({ length: 50 }, (_, i) => oldest + i));
    const last = await body(`?limit=10&offset=${CALL_DATA_CAPACITY - 10}`);
    expect(last._links).toEqual({ totalCount: CALL_DATA_CAPACITY });
    expect(last.data[9].CallDataId).toBe(oldest + CALL_DATA_CAPACITY - 1);
  });

  it('pages with limit and offset and keeps the filters in the next link', async () => {
    const since = clock.getTime() - 2 * 24 * HOUR_MS;
    const whole = await body(`?since=${sinceParam(since)}&limit=1000`);
    expect(whole.data.length).toBeGreaterThan(20);
    expect(whole._links.totalCount).toBe(whole.data.length);
    const first = await body(`?since=${sinceParam(since)}&limit=7`);
    expect(first._links.next).toBe(`/api/v1/calldata?since=${sinceParam(since)}&limit=7&offset=7`);
    expect(await all(`since=${sinceParam(since)}&limit=7`)).toEqual(whole.data);
  });

  it('answers records after an afterId cursor, so a reader can resume and only sees new ones', async () => {
    const tail = (await body(`?limit=20&offset=${CALL_DATA_CAPACITY - 20}`)).data;
    const cursor = tail[9].CallDataId;
    const after = await body(`?afterId=${cursor}`);
    expect(after).toEqual({ _links: { totalCount: 10 }, data: tail.slice(10) });
    const newest = tail[19].CallDataId;
    expect(await body(`?afterId=${newest}`)).toEqual({ _links: { totalCount: 0 }, data: [] });

    await advance(3 * HOUR_MS);
    const fresh = await all(`afterId=${newest}&limit=5`);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.map(r => r.CallDataId)).toEqual(fresh.map((_, i) => newest + 1 + i));
  });

  it('answers calls that started at or after since, long ones that ended later included', async () => {
    const since = Date.parse('2026-05-29T09:30:00Z');
    const rows = await all(`since=${sinceParam(since)}&limit=1000`);
    // A superset (calls from three hours earlier on), filtered here, must give the same records.
    const wider = await all(`since=${sinceParam(since - 3 * HOUR_MS)}&limit=1000`);
    expect(rows).toEqual(wider.filter(r => Date.parse(r.startDate) >= since));
    expect(rows.length).toBeGreaterThan(0);
    expect(await all(`since=${sinceParam(since)}&afterId=${rows[4].CallDataId}&limit=1000`)).toEqual(
      rows.filter(r => r.CallDataId > rows[4].CallDataId),
    );
    expect((await body(`?since=${sinceParam(clock.getTime() + HOUR_MS)}`))._links.totalCount).toBe(0);
  });

  it('filters by UserId, the internal number of a user', async () => {
    const user = simulator.fleet[0].phones.find(p => p.userNumber && p.type === 'ip')!.userNumber!;
    const page = await body(`?UserId=${user}&limit=100`);
    expect(page._links.totalCount).toBeGreaterThan(100);
    expect(page._links.next).toBe(`/api/v1/calldata?UserId=${user}&limit=100&offset=100`);
    for (const r of page.data) expect([r.userNumber, r.connectedUserNumber]).toContain(user);
    expect(await body('?UserId=999')).toEqual({ _links: { totalCount: 0 }, data: [] });
  });

  it('overwrites the oldest records when the buffer is full; a stale cursor resumes at the oldest left', async () => {
    const before = await body('?limit=1');
    const oldest = before.data[0].CallDataId;
    expect(oldest).toBeGreaterThan(1);
    await advance(3 * 24 * HOUR_MS);
    const after = await body('?limit=1');
    expect(after._links.totalCount).toBe(CALL_DATA_CAPACITY);
    expect(after.data[0].CallDataId).toBeGreaterThan(oldest + 100);
    // The records between the old cursor and the oldest left are lost: the gap shows in the ids.
    const resumed = await body(`?afterId=${oldest}&limit=1`);
    expect(resumed.data[0].CallDataId).toBe(after.data[0].CallDataId);
  });

  it('reports CallDataId 0 on the quirky device, switchable through the faults endpoint and the CLI', async () => {
    const quirky = simulator.fleet[CALL_DATA_ID_ZERO_INDEX];
    cookie = await makeManageable(simulator.url, quirky);
    const rows = (await body('?limit=100', CALL_DATA_ID_ZERO_INDEX)).data;
    expect(rows).toHaveLength(100);
    expect(rows.every(r => r.CallDataId === 0)).toBe(true);
    // An id cursor cannot work there; since still does.
    expect((await body('?afterId=0', CALL_DATA_ID_ZERO_INDEX))._links.totalCount).toBe(0);
    const since = clock.getTime() - 24 * HOUR_MS;
    expect((await body(`?since=${sinceParam(since)}`, CALL_DATA_ID_ZERO_INDEX)).data.length).toBeGreaterThan(0);

    const put = await fetch(`${simulator.url}/fleet/${quirky.serialNumber}/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ callDataIdZero: false }),
    });
    expect(put.status).toBe(200);
    expect((await put.json()).faults.callDataIdZero).toBe(false);
    const fixed = (await body('?limit=100', CALL_DATA_ID_ZERO_INDEX)).data;
    expect(fixed.map(r => ({ ...r, CallDataId: 0 }))).toEqual(rows);
    expect(fixed[0].CallDataId).toBeGreaterThan(0);

    const { io, stdout } = captureIo({ COMTREXX_SIMULATOR_URL: simulator.url });
    const device = simulator.fleet[0];
    expect(await runCli(['fault', '--serial', device.serialNumber, '--calldata-id-zero', 'on'], io)).toBe(0);
    expect(stdout()).toContain('faults CallDataId 0');
    expect(device.faults.callDataIdZero).toBe(true);
  });

  it.each([
    'limit=0',
    'limit=1001',
    'offset=-1',
    'afterId=-1',
    'afterId=abc',
    'afterId=1.5',
    'afterId=1&afterId=2',
    'since=2026-06-01',
    'since=2026-06-01T10:00:00',
    'since=yesterday',
    'UserId=abc',
    'UserId=',
  ])('refuses %s with 400 and a readable message', async query => {
    const res = await get(`?${query}`);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/must be/);
  });
});

describe('GET /api/v1/calldata/export.csv', () => {
  const NOW = new Date('2026-06-01T10:00:00Z');
  let simulator: RunningSimulator;
  let cookie: string;

  const url = (query = '') => `${simulator.url}/devices/${simulator.fleet[0].serialNumber}/api/v1/calldata${query}`;

  beforeAll(async () => {
    simulator = await startSimulator({ seed: 8, size: 1, now: () => NOW });
    cookie = await makeManageable(simulator.url, simulator.fleet[0]);
  });

  afterAll(async () => {
    await simulator.close();
  });

  it('downloads gespr_dat.csv with the rows of the range in German format', async () => {
    const from = '2026-05-28T06:00:00Z';
    const to = '2026-05-28T08:00:00Z';
    const res = await fetch(url(`/export.csv?from=${from}&to=${to}`), { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="gespr_dat.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const [header, ...rows] = text.slice(0, -2).split('\r\n');
    expect(header).toBe(CALL_DATA_CSV_HEADER.join(';'));

    // The same calls as the JSON list: started in [from, to), by start time.
    const listed = await fetch(url(`?since=${from}&limit=1000`), { headers: { cookie } });
    const expected = ((await listed.json()).data as CallDataRecord[])
      .filter(r => Date.parse(r.startDate) < Date.parse(to))
      .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.CallDataId - b.CallDataId);
    expect(rows).toHaveLength(expected.length);
    expect(rows.length).toBeGreaterThan(5);
    const date = /^\d{2}\.\d{2}\.2026 \d{2}:\d{2}:\d{2}$/;
    for (const [i, row] of rows.entries()) {
      const cells = row.split(';');
      expect(cells).toHaveLength(10);
      expect(cells[0]).toMatch(date);
      expect(cells[1]).toMatch(/^\d{2}:\d{2}:\d{2}$/);
      expect(cells[2]).toBe(expected[i].externalPhoneNumber);
      expect(cells[7]).toBe(expected[i].msn);
      expect(cells[8]).toBe(expected[i].success ? 'erfolgreich' : 'vergeblich');
      expect(cells[9]).toBe(expected[i].callType);
    }
    // Summer time: 2026-05-28T06:12:34Z is 08:12:34 in Berlin.
    const [, hh, mm, ss] = /T(\d{2}):(\d{2}):(\d{2})Z$/.exec(expected[0].startDate)!;
    expect(rows[0].split(';')[0]).toBe(`28.05.2026 ${String(Number(hh) + 2).padStart(2, '0')}:${mm}:${ss}`);
  });

  it('exports everything the device keeps without a range', async () => {
    const text = await (await fetch(url('/export.csv'), { headers: { cookie } })).text();
    expect(text.split('\r\n')).toHaveLength(CALL_DATA_CAPACITY + 2);
  });

  it.each(['from=2026-05-28', 'to=later', 'from=2026-05-28T08:00:00Z&to=2026-05-28T06:00:00Z'])(
    'refuses %s with 400',
    async query => {
      const res = await fetch(url(`/export.csv?${query}`), { headers: { cookie } });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('BAD_REQUEST');
    },
  );
});

// Call data sits behind the same gate as the other CCC functions (domain §3.1).
describe.each(['/calldata', '/calldata/export.csv'])('GET %s gate', path => {
  const NOW = new Date('2026-06-01T10:00:00Z');
  let simulator: RunningSimulator;
  let cookie: string;

  const send = (headers: Record<string, string> = { cookie }) =>
    fetch(`${simulator.url}/devices/${simulator.fleet[0].serialNumber}/api/v1${path}`, { headers });

  beforeEach(async () => {
    simulator = await startSimulator({ seed: 8, size: 1, now: () => NOW });
    cookie = await makeManageable(simulator.url, simulator.fleet[0]);
  });

  afterEach(async () => {
    await simulator.close();
  });

  it('passes a manageable device', async () => {
    expect((await send()).status).toBe(200);
  });

  it('answers 401 without a session', async () => {
    const res = await send({});
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHORIZED');
  });

  it.each([
    [403, 'NOT_PAIRED', () => (simulator.fleet[0].ccc.state = 'none')],
    [412, 'MAINTENANCE_REQUIRED', () => (simulator.fleet[0].maintenance = { active: false, validUntil: '2026-05-31' })],
    [412, 'FIRMWARE_UNSUPPORTED', () => (simulator.fleet[0].firmwareVersion = '2.4.2')],
  ])('answers %s %s when the device is not manageable', async (status, code, change) => {
    change();
    const res = await send();
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
  });
});
