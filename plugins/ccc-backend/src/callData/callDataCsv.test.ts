import { CccCallDataRecord } from '@internal/plugin-ccc-common';
import { csvField, csvHeaderLine, csvLine, formatDuration, formatGermanDateTime } from './callDataCsv';

const record: CccCallDataRecord = {
  id: 1,
  systemId: 's',
  startAt: '2025-03-11T09:14:07.000Z',
  durationSeconds: 184,
  externalNumber: '0891234567',
  externalName: 'Muster GmbH',
  billingNumber: '200',
  billingName: 'Zentrale',
  realNumber: '214',
  realName: 'Anna Beispiel',
  line: '0301234560',
  groupNumber: '200',
  groupName: 'Zentrale',
  success: true,
  callType: 'Normal',
  direction: 'incoming',
  cost: 0,
  costFactor: 1,
};

describe('gespr_dat.csv lines', () => {
  it('writes the example of domain §4.4 byte for byte', () => {
    expect(csvHeaderLine()).toBe(
      'Datum/Uhrzeit;Dauer;Externer Partner;Externer Name;Nr. Rechnung;Name Rechnung;Name real;Anschluss;Abrechnungsart;Anruftyp\r\n',
    );
    // 09:14:07 UTC is 10:14:07 in Berlin in March (CET).
    expect(csvLine(record)).toBe(
      '11.03.2025 10:14:07;00:03:04;0891234567;Muster GmbH;200;Zentrale;Anna Beispiel;0301234560;erfolgreich;Normal\r\n',
    );
    expect(csvLine({ ...record, success: false, callType: 'CfExtern' })).toMatch(/;vergeblich;CfExtern\r\n$/);
  });

  it('writes German local time across daylight saving time and long durations', () => {
    expect(formatGermanDateTime('2026-07-01T10:00:00.000Z')).toBe('01.07.2026 12:00:00');
    expect(formatGermanDateTime('2026-12-31T23:30:00.000Z')).toBe('01.01.2027 00:30:00');
    expect(formatDuration(0)).toBe('00:00:00');
    expect(formatDuration(3723)).toBe('01:02:03');
    expect(formatDuration(100 * 3600)).toBe('100:00:00');
  });

  it('defuses values a spreadsheet would run as formulas, and quotes only where needed', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+4930123456')).toBe("'+4930123456");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('Probe & Söhne; KG')).toBe('"Probe & Söhne; KG"');
    expect(csvField('Zeile\nzwei')).toBe('"Zeile\nzwei"');
    expect(csvField('0891234567')).toBe('0891234567');
    expect(csvField('')).toBe('');
  });

  it('writes German local time on both sides of the clock changes', () => {
    expect(
      [
        '2026-03-29T00:59:59.000Z',
        '2026-03-29T01:00:00.000Z',
        '2026-10-25T00:59:59.000Z',
        '2026-10-25T01:00:00.000Z',
        '2026-12-31T23:30:00.000Z',
      ].map(formatGermanDateTime),
    ).toEqual([
      '29.03.2026 01:59:59',
      '29.03.2026 03:00:00',
      '25.10.2026 02:59:59',
      '25.10.2026 02:00:00',
      '01.01.2027 00:30:00',
    ]);
  });
});
