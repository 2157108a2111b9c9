import { CallDataDirection, CallDataSortColumn, CccCallDataRecord } from '@internal/plugin-ccc-common';
import { CccSystemCriteria } from './systemFilter';

/** A call-data record to store, as read from a device, with the hash that tells records apart. */
export interface NewCallData {
  fingerprint: string;
  deviceId: number;
  /** ISO 8601 UTC with milliseconds (`Date.toISOString`), so that text order is time order. */
  startAt: string;
  durationSeconds: number;
  externalNumber: string;
  externalName: string;
  line: string;
  billingNumber: string;
  billingName: string;
  realNumber: string;
  realName: string;
  groupNumber: string;
  groupName: string;
  cost: number | null;
  costFactor: number | null;
  direction: CallDataDirection;
  callType: string;
  success: boolean;
}

/** Which systems' records a query reads; both given: the intersection. No scope at all reads every system. */
export interface CallDataScope {
  systemIds?: string[];
  /** Permission criteria as from `SystemPermissionGuard.listCriteria`, evaluated in SQL. */
  criteria?: CccSystemCriteria;
}

/** Filters of the call-data list and export. */
export interface CallDataFilter {
  /** Inclusive, ISO 8601 UTC with milliseconds. */
  from?: string;
  /** Exclusive, ISO 8601 UTC with milliseconds. */
  to?: string;
  direction?: CallDataDirection;
  success?: boolean;
  /** Billing or real (connected) user number, exactly. */
  extension?: string;
  /** Free text in numbers and names, case-insensitive; matched literally (no wildcards). */
  text?: string;
}

/**
 * Whose external numbers come back with the last three digits as `***`: nobody's, everybody's, or every
 * system's but those listed. Searching and sorting then see the masked number too, so they cannot reveal
 * the hidden digits.
 */
export type CallDataMasking = 'none' | 'all' | { allBut: string[] };

/** Where a keyset page starts: after the record with this start time and id, in the query's order. */
export interface CallDataKey {
  startAt: string;
  id: number;
}

/** A page of call data. `after` (keyset) needs sort `startAt`; otherwise `offset` pages. */
export interface CallDataListQuery {
  scope: CallDataScope;
  filter: CallDataFilter;
  masking: CallDataMasking;
  sort: CallDataSortColumn;
  order: 'asc' | 'desc';
  limit: number;
  offset?: number;
  after?: CallDataKey;
  /** Also count every record matching scope and filter (one more query). */
  withTotal?: boolean;
}

/** What the statistics count: the records of scope and filter, numbers masked as for the list. */
export interface CallDataStatisticsQuery {
  scope: CallDataScope;
  filter: CallDataFilter;
  masking: CallDataMasking;
  /** Rows of each "busiest" table. */
  top: number;
}

/** A row of a "busiest" table. */
export interface CallDataRankingRow {
  calls: number;
  answered: number;
  /** Sum of the durations of answered calls, seconds. */
  talkSeconds: number;
}

/** Aggregates of the call data of a {@link CallDataStatisticsQuery}. */
export interface CallDataAggregates {
  totals: {
    calls: number;
    answered: number;
    talkSeconds: number;
    /** Of answered calls; null without any. */
    averageDurationSeconds: number | null;
    medianDurationSeconds: number | null;
  };
  /** Most calls in progress at once (each from its start for its duration) and the first moment (ISO) of it. */
  peakConcurrent: { calls: number; at: string | null };
  /** Calls per quarter hour (UTC, by start; ISO start of the quarter), only quarters with calls, in time order. */
  quarterHours: Array<{ start: string; calls: number; answered: number }>;
  topExtensions: Array<CallDataRankingRow & { systemId: string; extension: string; name: string }>;
  topLines: Array<CallDataRankingRow & { systemId: string; line: string }>;
  /** Grouped by the number as the caller sees it, masked or not. */
  topExternalNumbers: Array<CallDataRankingRow & { externalNumber: string }>;
  /** Every system of the scope, with or without calls, by name. */
  systems: Array<{ systemId: string; name: string; calls: number; answered: number }>;
}

/** Persistence of collected call data and of where the collection stands per system. */
export interface CallDataStore {
  /** Stores records; one already stored (same system and fingerprint) is left alone. Returns how many were new. */
  addRecords(systemId: string, records: NewCallData[], at: string): Promise<number>;
  /** The collection cursor of a system (device_cursors, kind calldata), as stored. */
  getCursor(systemId: string): Promise<string | undefined>;
  /** Sets the collection cursor; call it in the transaction that stores the records it covers. */
  setCursor(systemId: string, cursor: string, at: string): Promise<void>;
  /** One page of records, filtered, sorted and masked; `totalCount` only with `withTotal`. */
  list(query: CallDataListQuery): Promise<{ items: CccCallDataRecord[]; totalCount?: number }>;
  /** The aggregates behind the statistics, each computed by the database (no record is loaded). */
  statistics(query: CallDataStatisticsQuery): Promise<CallDataAggregates>;
  /** Deletes every record of calls that started before `cutoff` (ISO); returns how many. */
  deleteStartedBefore(cutoff: string): Promise<number>;
}
