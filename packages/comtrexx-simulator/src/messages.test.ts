import { SYSTEM_MESSAGE_SEVERITIES, SystemMessage } from './messages';
import { RunningSimulator, startSimulator } from './server';
import { logIn, makeManageable } from './testUtils';

describe('GET /api/v1/systemmessages', () => {
  let clock: Date;
  let simulator: RunningSimulator;
  let cookie: string;

  const get = (query = '', index = 0) =>
    fetch(`${simulator.url}/devices/${simulator.fleet[index].serialNumber}/api/v1/systemmessages${query}`, {
      headers: { cookie },
    });
  /** Every message from `since` on, following the next links. */
  const all = async (since?: number): Promise<SystemMessage[]> => {
    const rows: SystemMessage[] = [];
    let next: string | undefined = `/api/v1/systemmessages?limit=1000${since === undefined ? '' : `&since=${since}`}`;
    while (next) {
      const body = await (await get(next.replace('/api/v1/systemmessages', ''))).json();
      rows.push(...body.data);
      next = body._links.next;
    }
    return rows;
  };

  beforeEach(async () => {
    clock = new Date('2026-06-01T10:00:00Z');
    simulator = await startSimulator({ seed: 8, size: 4, now: () => clock });
    cookie = await makeManageable(simulator.url, simulator.fleet[0]);
  });

  afterEach(async () => {
    await simulator.close();
  });

  it('lists messages oldest first with increasing ids, none after now', async () => {
    const rows = await all();
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(Number.isInteger(row.id) && row.id > 0).toBe(true);
      expect(SYSTEM_MESSAGE_SEVERITIES).toContain(row.severity);
      expect(row.category).toEqual(expect.any(String));
      expect(row.text).toEqual(expect.any(String));
      expect(Date.parse(row.ts)).toBeLessThanOrEqual(clock.getTime());
    }
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].id).toBeGreaterThan(rows[i - 1].id);
      expect(rows[i].ts >= rows[i - 1].ts).toBe(true);
    }
    // About 0–3 a day.
    const days = new Set(rows.map(r => r.ts.slice(0, 10)));
    expect(rows.length / days.size).toBeLessThanOrEqual(3);
    expect(new Set(rows.map(r => r.severity)).size).toBeGreaterThanOrEqual(3);
    expect(rows.some(r => r.severity === 'security' && /gesperrt|Anmeldung/.test(r.text))).toBe(true);
  });

  it('answers only messages after since', async () => {
    const rows = await all();
    const cut = rows[rows.length - 10].id;
    expect(await all(cut)).toEqual(rows.slice(-9));
    expect(await all(rows[rows.length - 1].id)).toEqual([]);
    expect(await all(0)).toEqual(rows);
  });

  it('only appends when the clock moves on', async () => {
    const before = await all();
    clock = new Date('2026-06-15T10:00:00Z');
    // Two weeks outlast the 24-hour session.
    cookie = await logIn(simulator.url, simulator.fleet[0]);
    const after = await all();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBeGreaterThan(before.length);
    expect(await all(before[before.length - 1].id)).toEqual(after.slice(before.length));
  });

  it('pages with limit and offset and keeps since in the next link', async () => {
    const rows = await all(0);
    const since = rows[rows.length - 7].id;
    const first = await (await get(`?since=${since}&limit=4`)).json();
    expect(first._links).toEqual({
      totalCount: 6,
      next: `/api/v1/systemmessages?since=${since}&limit=4&offset=4`,
    });
    expect(first.data).toEqual(rows.slice(-6, -2));
    const second = await (await get(first._links.next.replace('/api/v1/systemmessages', ''))).json();
    expect(second).toEqual({ _links: { totalCount: 6 }, data: rows.slice(-2) });
  });

  it('is the same on a second fleet with the same seed, and differs between devices', async () => {
    const rows = await all();
    const twin = await startSimulator({ seed: 8, size: 4, now: () => clock });
    try {
      const twinCookie = await makeManageable(twin.url, twin.fleet[0]);
      const body = await (
        await fetch(`${twin.url}/devices/${twin.fleet[0].serialNumber}/api/v1/systemmessages?limit=1000`, {
          headers: { cookie: twinCookie },
        })
      ).json();
      expect(body.data).toEqual(rows.slice(0, 1000));
    } finally {
      await twin.close();
    }
    cookie = await makeManageable(simulator.url, simulator.fleet[2]);
    const other = await (await get('?limit=1000', 2)).json();
    expect(other.data).not.toEqual(rows.slice(0, 1000));
  });

  it.each(['since=-1', 'since=abc', 'since=1.5', 'since=', 'since=1&since=2', 'limit=0', 'offset=x'])(
    'refuses %s with 400',
    async query => {
      const res = await get(`?${query}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('BAD_REQUEST');
    },
  );
});
