import express from 'express';
import type { SimulatedDevice } from '../fleet';
import { sendError } from '../httpErrors';
import { systemMessages } from '../messages';
import { pageEnvelope, parsePage } from '../paging';

const PATH = '/api/v1/systemmessages';

/**
 * `GET /api/v1/systemmessages?since&limit&offset`, behind the manageable-device
 * gate. Path, `since` (an id, not a time) and shape are [INVENTED] (domain
 * §3.2); the real device keeps system messages, but their API is not public.
 */
export function createMessagesRouter(gate: express.RequestHandler, now: () => Date): express.Router {
  const router = express.Router();
  router.get(PATH, gate, (req, res) => {
    const query = req.query as Record<string, unknown>;
    const page = parsePage(query);
    if (typeof page === 'string') {
      sendError(res, 400, 'BAD_REQUEST', page);
      return;
    }
    const since = query.since ?? '0';
    if (typeof since !== 'string' || !/^\d+$/.test(since) || !Number.isSafeInteger(Number(since))) {
      sendError(res, 400, 'BAD_REQUEST', 'since must be a message id (a whole number from 0)');
      return;
    }
    const rows = systemMessages(res.locals.device as SimulatedDevice, now()).filter(m => m.id > Number(since));
    res.json(pageEnvelope(rows, page, PATH, query.since === undefined ? {} : { since }));
  });
  return router;
}
