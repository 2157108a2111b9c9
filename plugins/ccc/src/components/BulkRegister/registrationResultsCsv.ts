import { BulkRegistrationResult } from '@internal/plugin-ccc-common';
import { RegistrationCsvRow } from './parseRegistrationCsv';

// A spreadsheet would run a cell starting like a formula; a leading apostrophe keeps it text.
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The outcome of a bulk registration as a CSV file for the people who confirm
 * the codes on the devices: semicolon-separated with a byte-order mark and
 * CRLF, as spreadsheets in German locales open it directly.
 */
export function registrationResultsCsv(results: Array<{ row: RegistrationCsvRow; result: BulkRegistrationResult }>): string {
  const lines = [['line', 'name', 'serialNumber', 'registered', 'confirmationCode', 'validUntil', 'error']];
  for (const { row, result } of results) {
    lines.push([
      String(row.line),
      row.name,
      result.serialNumber ?? row.serialNumber,
      result.ok ? 'yes' : 'no',
      result.token?.code ?? '',
      result.token?.expiresAt ?? '',
      result.error ?? '',
    ]);
  }
  return `\uFEFF${lines.map(line => line.map(cell).join(';')).join('\r\n')}\r\n`;
}
