import express from 'express';
import { callDataBetween, callDataCsv, CallDataQuery, queryCallData } from '../callData';
import type { SimulatedDevice } from '../fleet';
import { sendError } from '../httpErrors';
import { parsePage } from '../paging';

const PATH = '/api/v1/calldata';

// ISO 8601 date-time with an explicit offset: without one, the moment would
// depend on the simulator's time zone.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Call data behind the manageable-device gate:
 *
 * - `GET /api/v1/calldata?limit&offset&UserId` as on the real COMtrexx REST
 *   API (domain §2.1), plus the [INVENTED] incremental filters `afterId` (ids
 *   above a cursor) and `since` (calls that started at or after a moment): the
 *   real API has neither, so a client must also cope with offset paging alone.
 *   Rows come oldest (lowest CallDataId) first [INVENTED order: the real one is
 *   not documented], so an incremental reader finds new records at the end.
 * - `GET /api/v1/calldata/export.csv?from&to`: the file the CCC offers as
 *   `gespr_dat.csv` (filename from the CCC manual; path and format [INVENTED]).
 */
export function createCallDataRouter(gate: express.RequestHandler, now: () => Date): express.Router {
  const router = express.Router();

  router.get(PATH, gate, (req, res) => {
    const query = req.query as Record<string, unknown>;
    const parsed = parseCallDataQuery(query);
    if (typeof parsed === 'string') {
      sendError(res, 400, 'BAD_REQUEST', parsed);
      return;
    }
    const { totalCount, data } = queryCallData(res.locals.device as SimulatedDevice, parsed, now());
    // The next link repeats the filters, so that following it keeps the same list.
    const nextOffset = parsed.offset + parsed.limit;
    const filters: Record<string, string> = {};
    for (const name of ['UserId', 'afterId', 'since']) {
      if (typeof query[name] === 'string') filters[name] = query[name] as string;
    }
    const next = new URLSearchParams({ ...filters, limit: String(parsed.limit), offset: String(nextOffset) });
    res.json({
      _links: { totalCount, ...(nextOffset < totalCount ? { next: `${PATH}?${next}` } : {}) },
      data,
    });
  });

  router.get(`${PATH}/export.csv`, gate, (req, res) => {
    const query = req.query as Record<string, unknown>;
    const fromMs = parseDate(query, 'from');
    if (typeof fromMs === 'string') {
      sendError(res, 400, 'BAD_REQUEST', fromMs);
      return;
    }
    const toMs = parseDate(query, 'to');
    if (typeof toMs === 'string') {
      sendError(res, 400, 'BAD_REQUEST', toMs);
      return;
    }
    if (fromMs !== undefined && toMs !== undefined && fromMs >= toMs) {
      sendError(res, 400, 'BAD_REQUEST', 'from must be before to');
      return;
    }
    const records = callDataBetween(res.locals.device as SimulatedDevice, { fromMs, toMs }, now());
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="gespr_dat.csv"');
    res.send(callDataCsv(records));
  });

  return router;
}

/** Reads the query of `GET /api/v1/calldata`; returns a message for a 400 answer when it is unusable. */
export function parseCallDataQuery(query: Record<string, unknown>): CallDataQuery | string {
  const page = parsePage(query);
  if (typeof page === 'string') return page;
  const result: CallDataQuery = { ...page };
  if (query.afterId !== undefined) {
    const raw = query.afterId;
    if (typeof raw !== 'string' || !/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
      return 'afterId must be a CallDataId (a whole number from 0)';
    }
    result.afterId = Number(raw);
  }
  const since = parseDate(query, 'since');
  if (typeof since === 'string') return since;
  if (since !== undefined) result.sinceMs = since;
  if (query.UserId !== undefined) {
    const raw = query.UserId;
    // [INVENTED] meaning: the simulator has no user list, so UserId is the
    // user's internal number (e.g. 214), matched in userNumber or connectedUserNumber.
    if (typeof raw !== 'string' || !/^\d{1,10}$/.test(raw)) {
      return 'UserId must be the internal number of a user, e.g. 214';
    }
    result.userId = raw;
  }
  return result;
}

function parseDate(query: Record<string, unknown>, name: string): number | undefined | string {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !ISO_DATE_TIME.test(raw) || Number.isNaN(Date.parse(raw))) {
    return `${name} must be an ISO 8601 date-time with offset, e.g. 2026-06-01T10:00:00Z`;
  }
  return Date.parse(raw);
}
