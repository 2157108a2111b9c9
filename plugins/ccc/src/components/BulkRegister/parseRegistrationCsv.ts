import { MAX_BULK_REGISTRATION } from '@internal/plugin-ccc-common';

/** One data row of a registration file, as written in it (checked later by the shared schema). */
export interface RegistrationCsvRow {
  /** Line in the file, from 1 (the header is line 1). */
  line: number;
  name: string;
  serialNumber: string;
  catalogOwnerRef?: string;
}

/** What is wrong with a file as a whole, as a message key of the `bulkRegister.fileErrors` texts. */
export type RegistrationCsvProblem = 'empty' | 'noHeader' | 'tooMany' | 'unclosedQuote';

/** The rows of a registration file, or why it cannot be read. */
export type RegistrationCsv = { rows: RegistrationCsvRow[] } | { problem: RegistrationCsvProblem };

// Header names in English and German, as spreadsheets and the CCC's own exports name them.
const COLUMNS: Record<string, 'name' | 'serialNumber' | 'catalogOwnerRef'> = {
  name: 'name',
  systemname: 'name',
  serialnumber: 'serialNumber',
  serial: 'serialNumber',
  seriennummer: 'serialNumber',
  catalogownerref: 'catalogOwnerRef',
  owner: 'catalogOwnerRef',
  besitzergruppe: 'catalogOwnerRef',
};

/** Splits CSV text into records (RFC 4180 quoting), with the given delimiter. */
function records(text: string, delimiter: string): string[][] | undefined {
  const out: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === delimiter) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      out.push(record);
      record = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) return undefined;
  if (field !== '' || record.length > 0) {
    record.push(field);
    out.push(record);
  }
  return out;
}

/**
 * Reads a registration file: a header line naming the columns (name, serial
 * number, optional catalog owner group; English or German), then one system
 * per line. Comma or semicolon separated — German spreadsheets write
 * semicolons — with or without a byte-order mark. Blank lines are skipped.
 */
export function parseRegistrationCsv(input: string): RegistrationCsv {
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { problem: 'empty' };
  const firstLine = text.split(/\r?\n/, 1)[0];
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const all = records(text, delimiter);
  if (!all) return { problem: 'unclosedQuote' };
  const [header, ...data] = all;
  const columns = header.map(h => COLUMNS[h.trim().toLowerCase().replace(/[\s_-]/g, '')]);
  const index = (name: 'name' | 'serialNumber' | 'catalogOwnerRef') => columns.indexOf(name);
  if (index('name') < 0 || index('serialNumber') < 0) return { problem: 'noHeader' };

  const rows: RegistrationCsvRow[] = [];
  data.forEach((record, i) => {
    if (record.every(value => value.trim() === '')) return;
    const value = (name: 'name' | 'serialNumber' | 'catalogOwnerRef') => (index(name) >= 0 ? record[index(name)] ?? '' : '');
    const owner = value('catalogOwnerRef').trim();
    rows.push({
      line: i + 2,
      name: value('name').trim(),
      serialNumber: value('serialNumber').trim(),
      ...(owner ? { catalogOwnerRef: owner } : {}),
    });
  });
  if (rows.length === 0) return { problem: 'empty' };
  if (rows.length > MAX_BULK_REGISTRATION) return { problem: 'tooMany' };
  return { rows };
}
