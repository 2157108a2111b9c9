import express from 'express';
import type { SimulatedDevice } from '../fleet';
import { sendError } from '../httpErrors';
import { RemoteAccessStore } from '../remoteAccess';

const PATH = '/api/v1/remoteaccess/session';

/**
 * Remote configuration (domain §1.14): `POST/GET/DELETE
 * /api/v1/remoteaccess/session` behind the manageable-device gate, and the
 * page the session URL opens, `GET /webui/?session=<id>`, which takes no CCC
 * cookie (the browser of a CCC user opens it). Paths, shapes and the URL
 * format are [INVENTED]: the Remote-Access-Server protocol is not public.
 */
export function createRemoteAccessRouter(gate: express.RequestHandler, store: RemoteAccessStore): express.Router {
  const router = express.Router();

  // Switching remote configuration off on the device also ends a running session.
  const activeSession = (device: SimulatedDevice) => {
    if (!device.ccc.remoteConfigEnabled) store.close(device.serialNumber);
    return store.active(device.serialNumber);
  };

  router.post(PATH, gate, (req, res) => {
    const device = res.locals.device as SimulatedDevice;
    if (!device.ccc.remoteConfigEnabled) {
      sendError(
        res,
        412,
        'REMOTE_CONFIG_DISABLED',
        'Remote configuration is not allowed on this COMtrexx; enable it locally under Externer Zugriff',
      );
      return;
    }
    const existing = activeSession(device);
    const session = existing ?? store.open(device.serialNumber);
    // The simulator does not know its public address; the one the client used
    // is the one a browser on the same side can reach.
    const base = `${req.protocol}://${req.get('host')}${req.baseUrl}`;
    const url = `${base}/webui/?session=${encodeURIComponent(session.sessionId)}`;
    res.status(existing ? 200 : 201).json({ sessionId: session.sessionId, url, expiresAt: session.expiresAt });
  });

  router.get(PATH, gate, (_req, res) => {
    const session = activeSession(res.locals.device as SimulatedDevice);
    res.json(session ? { active: true, ...session } : { active: false });
  });

  router.delete(PATH, gate, (_req, res) => {
    store.close((res.locals.device as SimulatedDevice).serialNumber);
    res.status(204).end();
  });

  router.get('/webui/', (req, res) => {
    const device = res.locals.device as SimulatedDevice;
    const session = activeSession(device);
    if (!session || req.query.session !== session.sessionId) {
      res.status(403).type('html').send(page('Forbidden', 'Access Error: Forbidden – no valid remote access session'));
      return;
    }
    const title = `${device.model} ${device.serialNumber} – web interface (simulated)`;
    res.type('html').send(page(title, title));
  });

  return router;
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body><h1>${escapeHtml(body)}</h1></body></html>\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}
