import { CallDataDirection, CallDataSortColumn } from '@internal/plugin-ccc-common';

/** Filters the call data list and its export share; what is left out does not filter. */
export interface CallDataFilters {
  /** Free text in the numbers and names. */
  q?: string;
  /** Calls that started at or after this instant (ISO 8601 with zone). */
  from?: string;
  /** Calls that started before this instant (ISO 8601 with zone). */
  to?: string;
  direction?: CallDataDirection;
  /** Abrechnungsart: successful (true) or unsuccessful (false) calls only. */
  success?: boolean;
  /** Internal number: billing or real user number. */
  extension?: string;
}

/** Filter, sort and page of `GET /systems/:id/calldata`; what is left out takes the backend's default. */
export interface CallDataListParams extends CallDataFilters {
  sort?: CallDataSortColumn;
  order?: 'asc' | 'desc';
  limit?: number;
  /** Pages any sort; not together with `cursor`. */
  offset?: number;
  /** `nextCursor` of the previous page; only when sorted by start time. */
  cursor?: string;
}

/** What `GET /systems/:id/calldata/export.csv` exports; `acknowledge` states that the user saw the legal notice. */
export interface CallDataExportParams extends CallDataFilters {
  /** By start time; the backend's default is oldest first. */
  order?: 'asc' | 'desc';
  acknowledge: true;
}

/** What the statistics count: the list's filters over a range, days and hours in `timeZone` (IANA). */
export interface CallDataStatisticsParams extends CallDataFilters {
  timeZone?: string;
}

// Re-exported so that the API files take every call data type from here.
export type { CccCallDataPage, CccCallDataRecord, CccCallDataStatistics } from '@internal/plugin-ccc-common';
