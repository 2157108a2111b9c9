import { CccCallDataRecord } from '@internal/plugin-ccc-common';
import { DateTime } from 'luxon';

/*
 * gespr_dat.csv as domain §4.4 proposes it (the real byte format is not published): UTF-8 with BOM so spreadsheet
 * programs detect the encoding, `;` as separator, CRLF, German local time (dd.mm.yyyy hh:mm:ss), durations as
 * hh:mm:ss, and the manual's column names as header.
 */

/** Byte order mark that starts the file. */
export const CSV_BOM = '\uFEFF';

/** Header of gespr_dat.csv: the call data columns of the manual, in its order. */
export const CALL_DATA_CSV_COLUMNS = [
  'Datum/Uhrzeit',
  'Dauer',
  'Externer Partner',
  'Externer Name',
  'Nr. Rechnung',
  'Name Rechnung',
  'Name real',
  'Anschluss',
  'Abrechnungsart',
  'Anruftyp',
] as const;

/** The COMtrexx are German PBXs and the file is for people there: times in German local time. */
export const CSV_TIME_ZONE = 'Europe/Berlin';

/** First column of the fleet's export, which holds the records of many systems: the system (Anlage). */
export const CALL_DATA_CSV_SYSTEM_COLUMN = 'Anlage';

/** The header line, with its CRLF; the fleet's export starts with the system column. */
export function csvHeaderLine(options: { withSystem?: boolean } = {}): string {
  const columns = options.withSystem ? [CALL_DATA_CSV_SYSTEM_COLUMN, ...CALL_DATA_CSV_COLUMNS] : CALL_DATA_CSV_COLUMNS;
  return `${columns.map(csvField).join(';')}\r\n`;
}

/** One record as a line, with its CRLF; with a system name (fleet export) that comes first. */
export function csvLine(r: CccCallDataRecord, systemName?: string): string {
  return `${[
    ...(systemName === undefined ? [] : [systemName]),
    formatGermanDateTime(r.startAt),
    formatDuration(r.durationSeconds),
    r.externalNumber,
    r.externalName,
    r.billingNumber,
    r.billingName,
    r.realName,
    r.line,
    r.success ? 'erfolgreich' : 'vergeblich',
    r.callType,
  ]
    .map(csvField)
    .join(';')}\r\n`;
}

// UTC offset of German time, in minutes, per UTC hour: the clocks change on a full UTC hour, so one look-up in the
// time zone database serves every record of that hour. An export of a million records then asks luxon a few
// thousand times instead of a million.
const offsetByUtcHour = new Map<number, number>();
const OFFSET_CACHE_LIMIT = 100_000;
const HOUR_MS = 3_600_000;

/** `dd.mm.yyyy hh:mm:ss` in German local time. */
export function formatGermanDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return DateTime.fromISO(iso).toFormat('dd.MM.yyyy HH:mm:ss');
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    if (offsetByUtcHour.size >= OFFSET_CACHE_LIMIT) offsetByUtcHour.clear();
    offset = DateTime.fromMillis(ms, { zone: CSV_TIME_ZONE }).offset;
    offsetByUtcHour.set(hour, offset);
  }
  const local = new Date(ms + offset * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${two(local.getUTCDate())}.${two(local.getUTCMonth() + 1)}.${local.getUTCFullYear()} ` +
    `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`
  );
}

/** `hh:mm:ss`; hours go beyond 23 rather than wrap. */
export function formatDuration(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

/**
 * One field. A value a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return that
 * some programs skip first) gets an apostrophe in front (OWASP "CSV injection"); this also applies to numbers
 * like +4930…, which then read as text, as phone numbers should. Quoted only when needed, quotes doubled.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
