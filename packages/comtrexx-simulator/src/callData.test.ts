import { berlinTime } from './berlinTime';
import {
  CALL_DATA_CAPACITY,
  CALL_DATA_CSV_HEADER,
  CALL_TYPES,
  callDataBetween,
  callDataCsv,
  callDataWindow,
  CallDataRecord,
  MAX_CALL_SECONDS,
  queryCallData,
} from './callData';
import { CALL_DATA_ID_ZERO_INDEX, createFleet } from './fleet';

// The field names of the real COMtrexx REST API (domain §2.1), exactly.
const REAL_FIELDS = [
  'CallDataId',
  'startDate',
  'length',
  'externalName',
  'externalPhoneNumber',
  'msn',
  'userNumber',
  'userName',
  'connectedUserNumber',
  'connectedUserName',
  'groupNumber',
  'groupName',
  'cost',
  'costFactor',
  'direction',
  'callType',
  'success',
];

const NOW = new Date('2026-06-01T10:00:00Z');
const HOUR_MS = 3_600_000;

describe('call data generator', () => {
  const fleet = createFleet({ seed: 4711, size: 8, now: NOW });
  const device = fleet[0];

  it('has exactly the real field names and plausible values', () => {
    const rows = queryCallData(device, { limit: 500, offset: 0, sinceMs: NOW.getTime() - 7 * 24 * HOUR_MS }, NOW).data;
    expect(rows.length).toBeGreaterThan(50);
    const users = new Set(device.phones.map(p => p.userNumber));
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual([...REAL_FIELDS].sort());
      expect(r.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(Number.isInteger(r.length) && r.length >= 1 && r.length <= MAX_CALL_SECONDS).toBe(true);
      expect(['Incoming', 'Outgoing']).toContain(r.direction);
      expect(CALL_TYPES).toContain(r.callType);
      // Fictional numbers only (domain §4.4), or withheld.
      expect(r.externalPhoneNumber).toMatch(/^(0301234567\d|01512345678\d|0891234567\d|0401234567\d|)$/);
      expect(r.msn).toMatch(/^030123456\d$/);
      expect(r.costFactor).toBe(1);
      // Users come from the device's inventory; groups have their own numbers.
      expect(users.has(r.connectedUserNumber) || r.connectedUserNumber === r.groupNumber).toBe(true);
      expect(r.success || r.length <= 30).toBe(true);
      // Only callers withhold their number.
      expect(r.externalPhoneNumber !== '' || r.direction === 'Incoming').toBe(true);
    }
    // Unknown numbers are named after the provider (domain §1.11).
    const providers = new Set(device.trunks.map(t => t.providerName));
    expect(rows.some(r => providers.has(r.externalName))).toBe(true);
    expect(rows.some(r => r.externalName !== '' && !providers.has(r.externalName))).toBe(true);
  });

  it('is deterministic: same seed, serial and time give the same records; other devices differ', () => {
    const twin = createFleet({ seed: 4711, size: 8, now: new Date('2020-01-01T00:00:00Z') });
    // The fleet's own creation time does not matter, only seed, serial and the clock.
    for (const offset of [0, 9000, CALL_DATA_CAPACITY - 500]) {
      const page = { limit: 500, offset };
      expect(queryCallData(twin[0], page, NOW)).toEqual(queryCallData(device, page, NOW));
    }
    const other = queryCallData(fleet[4], { limit: 100, offset: 0 }, NOW).data;
    expect(other).not.toEqual(queryCallData(device, { limit: 100, offset: 0 }, NOW).data);
  });

  it('numbers records without gaps in the order calls ended, and only has calls that ended by now', () => {
    const rows = queryCallData(device, { limit: 1000, offset: 0, sinceMs: NOW.getTime() - 3 * 24 * HOUR_MS }, NOW).data;
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].CallDataId).toBe(rows[i - 1].CallDataId + 1);
      const end = (r: CallDataRecord) => Date.parse(r.startDate) + r.length * 1000;
      expect(end(rows[i])).toBeGreaterThanOrEqual(end(rows[i - 1]));
    }
    for (const r of rows) expect(Date.parse(r.startDate) + r.length * 1000).toBeLessThanOrEqual(NOW.getTime());
    // A later clock only appends; earlier records keep their ids and content.
    const later = new Date(NOW.getTime() + 5 * HOUR_MS);
    const after = queryCallData(device, { limit: 1000, offset: 0, afterId: rows[0].CallDataId - 1 }, later).data;
    expect(after.slice(0, rows.length)).toEqual(rows);
    expect(after.length).toBeGreaterThan(rows.length);
  });

  it('keeps only the newest 18,000 records: the oldest are gone once more have been made', () => {
    const early = new Date('2025-01-20T12:00:00Z');
    const young = callDataWindow(device, early);
    expect(young.oldest).toBe(1);
    expect(young.newest).toBeLessThan(CALL_DATA_CAPACITY);
    expect(queryCallData(device, { limit: 1, offset: 0 }, early)).toMatchObject({ totalCount: young.newest });

    const full = callDataWindow(device, NOW);
    expect(full.newest).toBeGreaterThan(CALL_DATA_CAPACITY);
    expect(full.newest - full.oldest + 1).toBe(CALL_DATA_CAPACITY);
    const page = queryCallData(device, { limit: 1, offset: 0 }, NOW);
    expect(page.totalCount).toBe(CALL_DATA_CAPACITY);
    expect(page.data[0].CallDataId).toBe(full.oldest);

    const nextDay = new Date(NOW.getTime() + 24 * HOUR_MS);
    const moved = callDataWindow(device, nextDay);
    expect(moved.oldest).toBeGreaterThan(full.oldest);
    expect(queryCallData(device, { limit: 1, offset: 0 }, nextDay).totalCount).toBe(CALL_DATA_CAPACITY);
    // A cursor in the lost part answers from the oldest record still there.
    const resumed = queryCallData(device, { limit: 1, offset: 0, afterId: full.oldest }, nextDay);
    expect(resumed.data[0].CallDataId).toBe(moved.oldest);
    expect(resumed.totalCount).toBe(CALL_DATA_CAPACITY);
  });

  it('gives the quirky fleet member CallDataId 0 everywhere', () => {
    const quirky = fleet[CALL_DATA_ID_ZERO_INDEX];
    expect(quirky.faults.callDataIdZero).toBe(true);
    expect(fleet.filter(d => d.faults.callDataIdZero)).toHaveLength(1);
    const rows = queryCallData(quirky, { limit: 50, offset: 0 }, NOW).data;
    expect(rows).toHaveLength(50);
    expect(rows.every(r => r.CallDataId === 0)).toBe(true);
    expect(queryCallData(quirky, { limit: 50, offset: 0, afterId: 0 }, NOW)).toEqual({ totalCount: 0, data: [] });
  });
});

describe('call data traffic model (domain §4.5) over a simulated week', () => {
  // Monday 18 May 2026 00:00 to Monday 25 May 00:00, German summer time.
  const from = Date.parse('2026-05-17T22:00:00Z');
  const to = Date.parse('2026-05-24T22:00:00Z');
  const now = new Date('2026-05-26T00:00:00Z');
  const fleet = createFleet({ seed: 99, size: 12, now });
  const perDevice = fleet.map(device => ({ device, rows: callDataBetween(device, { fromMs: from, toMs: to }, now) }));
  const rows = perDevice.flatMap(d => d.rows);
  const share = (part: CallDataRecord[], whole: CallDataRecord[]) => part.length / whole.length;
  const isWeekend = (r: CallDataRecord) => [0, 6].includes(berlinTime(Date.parse(r.startDate)).weekday);

  it('makes 4–10 records per extension and workday, and 5–10 % of that on weekend days', () => {
    expect(rows.length).toBeGreaterThan(3000);
    for (const { device, rows: own } of perDevice) {
      const extensions = device.phones.filter(p => p.userNumber !== null && p.model !== 'Fax machine').length;
      const workday = own.filter(r => !isWeekend(r)).length / 5;
      expect(workday / extensions).toBeGreaterThanOrEqual(4);
      expect(workday / extensions).toBeLessThanOrEqual(10);
    }
    const weekendPerDay = rows.filter(isWeekend).length / 2;
    const workdayPerDay = rows.filter(r => !isWeekend(r)).length / 5;
    expect(weekendPerDay / workdayPerDay).toBeGreaterThanOrEqual(0.04);
    expect(weekendPerDay / workdayPerDay).toBeLessThanOrEqual(0.11);
  });

  it('mixes directions, outcomes and call types as modelled', () => {
    const incoming = rows.filter(r => r.direction === 'Incoming');
    const outgoing = rows.filter(r => r.direction === 'Outgoing');
    expect(share(incoming, rows)).toBeGreaterThanOrEqual(0.5);
    expect(share(incoming, rows)).toBeLessThanOrEqual(0.6);
    expect(share(incoming.filter(r => !r.success), incoming)).toBeGreaterThanOrEqual(0.2);
    expect(share(incoming.filter(r => !r.success), incoming)).toBeLessThanOrEqual(0.3);
    expect(share(outgoing.filter(r => !r.success), outgoing)).toBeGreaterThanOrEqual(0.1);
    expect(share(outgoing.filter(r => !r.success), outgoing)).toBeLessThanOrEqual(0.15);
    const forwarded = rows.filter(r => r.callType === 'CfIntern' || r.callType === 'CfExtern');
    expect(share(forwarded, rows)).toBeGreaterThanOrEqual(0.05);
    expect(share(forwarded, rows)).toBeLessThanOrEqual(0.1);
    expect(rows.some(r => r.callType === 'CfIntern') && rows.some(r => r.callType === 'CfExtern')).toBe(true);
    const boxes = rows.filter(r => r.callType === 'Voicemailbox' || r.callType === 'Faxbox');
    expect(share(boxes, rows)).toBeGreaterThan(0);
    expect(share(boxes, rows)).toBeLessThanOrEqual(0.05);
    expect(incoming.some(r => r.groupNumber !== '' && r.userNumber === r.groupNumber)).toBe(true);
  });

  it('draws log-normal durations with a median near 90 s, ring times for unsuccessful calls', () => {
    const talked = rows.filter(r => r.success && r.callType !== 'Voicemailbox' && r.callType !== 'Faxbox');
    const lengths = talked.map(r => r.length).sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)];
    const mean = lengths.reduce((sum, l) => sum + l, 0) / lengths.length;
    expect(median).toBeGreaterThanOrEqual(75);
    expect(median).toBeLessThanOrEqual(105);
    expect(mean).toBeGreaterThanOrEqual(150);
    expect(mean).toBeLessThanOrEqual(270);
    expect(lengths[lengths.length - 1]).toBeLessThanOrEqual(MAX_CALL_SECONDS);
    expect(lengths[lengths.length - 1]).toBeGreaterThan(1800);
    for (const r of rows.filter(x => !x.success)) {
      expect(r.length).toBeGreaterThanOrEqual(5);
      expect(r.length).toBeLessThanOrEqual(30);
    }
  });

  it('follows office hours in Berlin: peaks 08–12 and 13–17, a lunch dip, quiet nights', () => {
    const byHour = new Array(24).fill(0);
    for (const r of rows.filter(row => !isWeekend(row))) byHour[berlinTime(Date.parse(r.startDate)).hour]++;
    const total = byHour.reduce((sum, n) => sum + n, 0);
    const office = [8, 9, 10, 11, 13, 14, 15, 16].reduce((sum, h) => sum + byHour[h], 0);
    expect(office / total).toBeGreaterThanOrEqual(0.75);
    expect(byHour[12]).toBeLessThan(0.7 * byHour[11]);
    expect(byHour[12]).toBeLessThan(0.7 * byHour[14]);
    expect(byHour.slice(0, 6).reduce((sum, n) => sum + n, 0) / total).toBeLessThan(0.02);
  });
});

describe('gespr_dat.csv', () => {
  const record: CallDataRecord = {
    CallDataId: 48213,
    startDate: '2025-03-11T08:14:07Z',
    length: 184,
    externalName: 'Muster; "Beispiel" GmbH',
    externalPhoneNumber: '0891234567',
    msn: '0301234560',
    userNumber: '100',
    userName: 'Zentrale',
    connectedUserNumber: '214',
    connectedUserName: 'Anna Beispiel',
    groupNumber: '100',
    groupName: 'Zentrale',
    cost: 0,
    costFactor: 1,
    direction: 'Incoming',
    callType: 'Normal',
    success: true,
  };

  it('writes a BOM, the German header, ; separators, CRLF and German local time', () => {
    const csv = callDataCsv([record, { ...record, startDate: '2025-07-01T22:30:00Z', length: 4000, success: false }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    // Winter time (+1 h) in March; summer time (+2 h) in July, past midnight.
    const partner = '0891234567;"Muster; ""Beispiel"" GmbH";100;Zentrale;Anna Beispiel;0301234560';
    expect(lines).toEqual([
      CALL_DATA_CSV_HEADER.join(';'),
      `11.03.2025 09:14:07;00:03:04;${partner};erfolgreich;Normal`,
      `02.07.2025 00:30:00;01:06:40;${partner};vergeblich;Normal`,
      '',
    ]);
    expect(lines[0]).toBe(
      'Datum/Uhrzeit;Dauer;Externer Partner;Externer Name;Nr. Rechnung;Name Rechnung;Name real;Anschluss;' +
        'Abrechnungsart;Anruftyp',
    );
  });
});
