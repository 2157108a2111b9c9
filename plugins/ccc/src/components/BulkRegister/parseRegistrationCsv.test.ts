import { MAX_BULK_REGISTRATION } from '@internal/plugin-ccc-common';
import { parseRegistrationCsv } from './parseRegistrationCsv';

describe('parseRegistrationCsv', () => {
  it('reads comma-separated rows with an optional owner column', () => {
    expect(
      parseRegistrationCsv('name,serialNumber,catalogOwnerRef\nZentrale,CTX000111222,group:default/telephony\nFiliale,ctx000333444,\n'),
    ).toEqual({
      rows: [
        { line: 2, name: 'Zentrale', serialNumber: 'CTX000111222', catalogOwnerRef: 'group:default/telephony' },
        { line: 3, name: 'Filiale', serialNumber: 'ctx000333444' },
      ],
    });
  });

  it('reads a German spreadsheet export: BOM, semicolons, CRLF, German headers, quotes, blank lines', () => {
    const file = '\uFEFFSeriennummer;Name;Besitzergruppe\r\nCTX000111222;"Zentrale; Haus ""A""";\r\n\r\nCTX000333444;Süd;group:default/süd\r\n';
    expect(parseRegistrationCsv(file)).toEqual({
      rows: [
        { line: 2, name: 'Zentrale; Haus "A"', serialNumber: 'CTX000111222' },
        { line: 4, name: 'Süd', serialNumber: 'CTX000333444', catalogOwnerRef: 'group:default/süd' },
      ],
    });
  });

  it('keeps short rows, so the per-row check can say what is missing', () => {
    expect(parseRegistrationCsv('name,serial\nNur Name')).toEqual({ rows: [{ line: 2, name: 'Nur Name', serialNumber: '' }] });
  });

  it('names what is wrong with the file as a whole', () => {
    expect(parseRegistrationCsv('')).toEqual({ problem: 'empty' });
    expect(parseRegistrationCsv('name,serialNumber\n\n')).toEqual({ problem: 'empty' });
    expect(parseRegistrationCsv('Zentrale,CTX000111222\n')).toEqual({ problem: 'noHeader' });
    expect(parseRegistrationCsv('name,serialNumber\n"Zentrale,CTX000111222\n')).toEqual({ problem: 'unclosedQuote' });
    const many = ['name,serialNumber', ...Array.from({ length: MAX_BULK_REGISTRATION + 1 }, (_, i) => `S${i},CTX${String(i).padStart(9, '0')}`)];
    expect(parseRegistrationCsv(many.join('\n'))).toEqual({ problem: 'tooMany' });
  });
});
