/** Default page size of list endpoints. [INVENTED] The ICT API of older Auerswald PBXs used 50 (domain §2.2). */
export const DEFAULT_PAGE_LIMIT = 50;
/** Largest page a list endpoint returns. [INVENTED] */
export const MAX_PAGE_LIMIT = 1000;

/** A validated page request. */
export interface Page {
  limit: number;
  offset: number;
}

/**
 * Reads `limit` and `offset` from a query; returns a message for a 400 answer
 * when either is not a plain whole number in range or is given twice.
 */
export function parsePage(query: Record<string, unknown>): Page | string {
  const read = (name: string, fallback: number, min: number, max: number): number | string => {
    const raw = query[name];
    if (raw === undefined) return fallback;
    if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      return `${name} must be a whole number from ${min} to ${max}`;
    }
    return Number(raw);
  };
  const limit = read('limit', DEFAULT_PAGE_LIMIT, 1, MAX_PAGE_LIMIT);
  if (typeof limit === 'string') return limit;
  const offset = read('offset', 0, 0, Number.MAX_SAFE_INTEGER);
  if (typeof offset === 'string') return offset;
  return { limit, offset };
}

/**
 * The COMtrexx list envelope (domain §2.1): `_links.totalCount` always, and
 * `_links.next` ([INVENTED] format: a path relative to the device) while more
 * rows follow. `filters` (e.g. `since`) are repeated in the next link, so
 * that following it keeps the same list.
 */
export function pageEnvelope<T>(rows: readonly T[], page: Page, path: string, filters: Record<string, string> = {}) {
  const data = rows.slice(page.offset, page.offset + page.limit);
  const nextOffset = page.offset + page.limit;
  const query = new URLSearchParams({ ...filters, limit: String(page.limit), offset: String(nextOffset) });
  return {
    _links: {
      totalCount: rows.length,
      ...(nextOffset < rows.length ? { next: `${path}?${query}` } : {}),
    },
    data,
  };
}
