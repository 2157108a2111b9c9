import { CallDataSortColumn } from '@internal/plugin-ccc-common';
import { CallDataFilters } from '../../api/callDataTypes';

/** Rows per page of the call data table. */
export const CALL_DATA_PAGE_SIZE = 50;

/** What the backend accepts as extension (internal number); checked here so a typo never reaches it as a 400. */
export const EXTENSION_PATTERN = /^[0-9*#]{1,32}$/;

/** A duration as `h:mm:ss`, hours unpadded and not wrapped at 24. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

/**
 * A `datetime-local` input value ("2026-11-27T08:00", the user's local time) as an ISO instant for the backend;
 * undefined when empty or unparsable.
 */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  // Date-time strings without a zone are read as local time, which is what the input shows.
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The order a column starts with when first clicked: newest calls and longest durations first, text A–Z. */
export function firstOrderOf(column: CallDataSortColumn): 'asc' | 'desc' {
  return column === 'startAt' || column === 'duration' ? 'desc' : 'asc';
}

/** Whether any filter is set (to tell "nothing collected yet" from "nothing matches"). */
export function hasFilters(filters: CallDataFilters): boolean {
  return Object.values(filters).some(value => value !== undefined && value !== '');
}

/** `patch` applied to `filters`; the same object when nothing changes, so that paging is not reset for nothing. */
export function mergeFilters(filters: CallDataFilters, patch: Partial<CallDataFilters>): CallDataFilters {
  const changed = (Object.keys(patch) as Array<keyof CallDataFilters>).some(key => patch[key] !== filters[key]);
  return changed ? { ...filters, ...patch } : filters;
}
