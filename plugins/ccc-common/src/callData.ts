import { z } from 'zod';

/** How external numbers are hidden (`ccc.callData.masking`): not, for everyone, or for all but the Call data role. */
export const CALL_DATA_MASKING_MODES = ['off', 'all', 'allButCallDataRole'] as const;

/** One of {@link CALL_DATA_MASKING_MODES}. */
export type CallDataMaskingMode = (typeof CALL_DATA_MASKING_MODES)[number];

/** Largest page of `GET /systems/:id/calldata`. */
export const CALL_DATA_MAX_PAGE_SIZE = 500;

/** File name of the call-data export, as the manual names it. */
export const CALL_DATA_EXPORT_FILE_NAME = 'gespr_dat.csv';

/**
 * The legal notice the manual shows before an export (call data are personal data). The export refuses to run
 * until the user has acknowledged it, i.e. sends `acknowledge=true`.
 */
export const CALL_DATA_LEGAL_NOTICE =
  'Call data are personal data (times, numbers, durations of calls). Inform the users concerned as the law ' +
  'requires, use the file only for its purpose and store it securely.';

/** Columns the call-data list sorts by: the manual's columns plus direction. */
export const CALL_DATA_SORT_COLUMNS = [
  'startAt',
  'duration',
  'externalNumber',
  'externalName',
  'billingNumber',
  'billingName',
  'realName',
  'line',
  'success',
  'callType',
  'direction',
] as const;

/** One of {@link CALL_DATA_SORT_COLUMNS}. */
export type CallDataSortColumn = (typeof CALL_DATA_SORT_COLUMNS)[number];

/** Direction of a call. */
export type CallDataDirection = 'incoming' | 'outgoing';

/**
 * One call-data record (CDR) as the CCC stores it, named after the columns of the manual's call data page
 * (domain §1.11); in brackets the COMtrexx REST field it comes from.
 */
export interface CccCallDataRecord {
  /** The CCC's own id (the device's CallDataId may be 0 on some firmware). */
  id: number;
  systemId: string;
  /** Datum / Uhrzeit: start of the call, ISO 8601 UTC (startDate). */
  startAt: string;
  /** Dauer in seconds; ring time for unsuccessful calls (length). */
  durationSeconds: number;
  /** Externer Partner (externalPhoneNumber); with the last three digits as `***` when masked. */
  externalNumber: string;
  /** Externer Name (externalName). */
  externalName: string;
  /** Nr. Rechnung (userNumber). */
  billingNumber: string;
  /** Name Rechnung (userName). */
  billingName: string;
  /** Nr. real (connectedUserNumber). */
  realNumber: string;
  /** Name real (connectedUserName). */
  realName: string;
  /** Anschluss: own external number (msn). */
  line: string;
  groupNumber: string;
  groupName: string;
  /** Abrechnungsart: erfolgreich (true) or vergeblich (false) (success). */
  success: boolean;
  /** Anruftyp, e.g. Normal, CfIntern, CfExtern (callType). */
  callType: string;
  direction: CallDataDirection;
  cost: number | null;
  costFactor: number | null;
}

/** Answer of `GET /systems/:id/calldata`. */
export interface CccCallDataPage {
  items: CccCallDataRecord[];
  /** Records matching the filter in all. */
  totalCount: number;
  /** Opaque cursor of the next page when sorted by start time; null on the last page or with other sorts. */
  nextCursor: string | null;
  /** Whether external numbers come with their last three digits hidden. */
  masked: boolean;
  /** Fleet view (`GET /calldata`): the names of the systems the page's records belong to, by id. */
  systemNames?: Record<string, string>;
}

/** Hides the last three characters of an external number with `***` (shorter numbers entirely); "" stays "". */
export function maskExternalNumber(number: string): string {
  if (number === '') return '';
  return number.length > 3 ? `${number.slice(0, -3)}***` : '***';
}

const isoDateTime = (name: string) =>
  z.iso.datetime({
    offset: true,
    message: `${name} must be an ISO 8601 date and time with zone, e.g. 2026-11-27T08:00:00Z`,
  });

/** The filters the list and the export share. `from` is inclusive, `to` exclusive (start of the call). */
const filterShape = {
  /** Free text in the numbers and names (case-insensitive, no wildcards). */
  q: z
    .string()
    .max(100, 'q is at most 100 characters')
    .regex(/^[^\p{Cc}]*$/u, 'q must not contain control characters')
    .optional(),
  from: isoDateTime('from').optional(),
  to: isoDateTime('to').optional(),
  direction: z.enum(['incoming', 'outgoing'], { message: 'direction is incoming or outgoing' }).optional(),
  success: z
    .enum(['true', 'false'], { message: 'success is true or false' })
    .transform(v => v === 'true')
    .optional(),
  /** Internal number: billing or real (connected) user number. */
  extension: z
    .string()
    .regex(/^[0-9*#]{1,32}$/, 'extension is an internal number: up to 32 digits, * or #')
    .optional(),
};

const fromBeforeTo = (q: { from?: string; to?: string }) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to);
const FROM_BEFORE_TO = { message: 'from must be before to', path: ['to'] };

/** Query of `GET /systems/:id/calldata`; `cursor` pages by start time, `offset` any sort. */
export const callDataQuerySchema = z
  .object({
    ...filterShape,
    sort: z
      .enum(CALL_DATA_SORT_COLUMNS, { message: `sort is one of ${CALL_DATA_SORT_COLUMNS.join(', ')}` })
      .default('startAt'),
    order: z.enum(['asc', 'desc'], { message: 'order is asc or desc' }).default('desc'),
    limit: z.coerce
      .number({ message: 'limit must be a number' })
      .int('limit must be a whole number')
      .min(1, 'limit is at least 1')
      .max(CALL_DATA_MAX_PAGE_SIZE, `limit is at most ${CALL_DATA_MAX_PAGE_SIZE}`)
      .default(50),
    offset: z.coerce
      .number({ message: 'offset must be a number' })
      .int('offset must be a whole number')
      .min(0, 'offset is at least 0')
      .max(10_000_000, 'offset is at most 10000000')
      .optional(),
    cursor: z.string().max(200, 'cursor is not one this API handed out').optional(),
  })
  .strict()
  .refine(fromBeforeTo, FROM_BEFORE_TO)
  .refine(q => !q.cursor || q.sort === 'startAt', {
    message: 'cursor pages only the order by start time; use offset with other sorts',
    path: ['cursor'],
  })
  .refine(q => !q.cursor || q.offset === undefined, { message: 'Send cursor or offset, not both', path: ['offset'] });

/** Parsed {@link callDataQuerySchema}. */
export type CallDataQuery = z.output<typeof callDataQuerySchema>;

/** Query of `GET /systems/:id/calldata/export.csv`: the list's filters, the order by start time, and the notice. */
export const callDataExportQuerySchema = z
  .object({
    ...filterShape,
    /** By start time; oldest first unless desc. */
    order: z.enum(['asc', 'desc'], { message: 'order is asc or desc' }).default('asc'),
    acknowledge: z.literal('true', {
      message: `Acknowledge the legal notice on call data first (send acknowledge=true): ${CALL_DATA_LEGAL_NOTICE}`,
    }),
  })
  .strict()
  .refine(fromBeforeTo, FROM_BEFORE_TO);

/** Parsed {@link callDataExportQuerySchema}. */
export type CallDataExportQuery = z.output<typeof callDataExportQuerySchema>;

/** Longest range the call-data statistics cover, in days: bounds the work and the size of the answer. */
export const CALL_DATA_STATISTICS_MAX_DAYS = 400;

/** Range of the statistics when the query names none: the last 30 days. */
export const CALL_DATA_STATISTICS_DEFAULT_DAYS = 30;

/** How many rows the "busiest" tables of the statistics list. */
export const CALL_DATA_STATISTICS_TOP = 10;

/** Time zone of days and hours of the statistics unless the query names one (the COMtrexx are German PBXs). */
export const CALL_DATA_DEFAULT_TIME_ZONE = 'Europe/Berlin';

function isTimeZone(zone: string): boolean {
  try {
    // Throws a RangeError for names the runtime's time zone database does not know.
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

/**
 * Query of `GET /calldata/statistics` and `GET /systems/:id/calldata/statistics`: the list's filters (from
 * inclusive, to exclusive; without them the last 30 days) and the time zone that days and hours of day are
 * counted in.
 */
export const callDataStatisticsQuerySchema = z
  .object({
    ...filterShape,
    timeZone: z
      .string()
      .max(64, 'timeZone is at most 64 characters')
      .refine(isTimeZone, 'timeZone must be an IANA time zone such as Europe/Berlin')
      .default(CALL_DATA_DEFAULT_TIME_ZONE),
  })
  .strict()
  .refine(fromBeforeTo, FROM_BEFORE_TO)
  .refine(
    q => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= CALL_DATA_STATISTICS_MAX_DAYS * 86_400_000,
    { message: `The statistics cover at most ${CALL_DATA_STATISTICS_MAX_DAYS} days; choose a shorter range`, path: ['to'] },
  );

/** Parsed {@link callDataStatisticsQuerySchema}. */
export type CallDataStatisticsQuery = z.output<typeof callDataStatisticsQuerySchema>;

/** Calls counted in one bucket of the statistics. */
export interface CccCallCounts {
  calls: number;
  /** Successful (erfolgreich) calls. */
  answered: number;
}

/** One row of a "busiest" table: calls of one extension, line or external number in the range. */
export interface CccCallDataRanking extends CccCallCounts {
  /** Sum of the durations of the answered calls (talk time), in seconds. */
  talkSeconds: number;
}

/**
 * Answer of the statistics routes: what the call data of the range say, computed in the database. Durations are
 * those of answered calls (for unsuccessful calls the CDR holds the ring time); concurrency counts every call,
 * answered or not, from its start for its duration, as both occupy a channel.
 */
export interface CccCallDataStatistics {
  /** The range, ISO 8601 UTC; `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
  /** IANA time zone of `perDay` and `perHourOfDay`. */
  timeZone: string;
  /** Whether external numbers (in `topExternalNumbers`) come with their last three digits hidden. */
  masked: boolean;
  totals: CccCallCounts & {
    /** answered / calls; null without calls. */
    answeredShare: number | null;
    talkSeconds: number;
    /** Of answered calls; null without any. */
    averageDurationSeconds: number | null;
    medianDurationSeconds: number | null;
  };
  /** Most calls in progress at one moment, and the first moment it was reached; calls 0 and at null without calls. */
  peakConcurrent: { calls: number; at: string | null };
  /** Every local day of the range (`yyyy-mm-dd`), days without calls too. */
  perDay: Array<CccCallCounts & { day: string }>;
  /** Hours 0 to 23 of the local day, summed over the range. */
  perHourOfDay: Array<CccCallCounts & { hour: number }>;
  /** Internal numbers with most calls: the real (connected) party, else the billing number. */
  topExtensions: Array<CccCallDataRanking & { systemId: string; extension: string; name: string }>;
  /** Own external numbers (Anschluss) with most calls. */
  topLines: Array<CccCallDataRanking & { systemId: string; line: string }>;
  /** External partners with most calls; masked numbers are counted as the caller sees them. */
  topExternalNumbers: Array<CccCallDataRanking & { externalNumber: string }>;
  /** Every system in scope, systems without calls in the range too, by name. */
  systems: Array<CccCallCounts & { systemId: string; name: string }>;
}
