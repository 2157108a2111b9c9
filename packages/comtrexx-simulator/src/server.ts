import express from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { acceleratedClock } from './clock';
import { applyFaultConfig, createFaultMiddleware, FaultConfig, FaultContext } from './faults';
import { createFleet, DeviceCccAccess, FleetOptions, SimulatedDevice } from './fleet';
import { createManageableGate, createSessionCheck, SESSION_COOKIE } from './gate';
import { sendError } from './httpErrors';
import { LoginLockout } from './lockout';
import { createSettleMiddleware } from './operations';
import { generateApiUser, sendPairingRequest } from './pairing';
import { RemoteAccessStore } from './remoteAccess';
import { createBackupRouter } from './routes/backups';
import { createCallDataRouter } from './routes/callData';
import { createFaultAdminRouter } from './routes/faultAdmin';
import { createFirmwareRouter } from './routes/firmware';
import { createMessagesRouter } from './routes/messages';
import { createMonitoringRouter } from './routes/monitoring';
import { createOpenApiRouter } from './routes/openapi';
import { createRemoteAccessRouter } from './routes/remoteAccess';
import { createStatusRouter } from './routes/status';
import { SESSION_MAX_AGE_SECONDS, SessionStore } from './sessions';

export { SESSION_COOKIE };

/** Where devices send pairing requests unless told otherwise: the CCC backend of a local dev setup. */
export const DEFAULT_CCC_PAIRING_URL = 'http://127.0.0.1:7007/api/ccc/pairing';

/** How long a device waits for the CCC to answer a pairing request. */
export const DEFAULT_CCC_TIMEOUT_MS = 10_000;

// From the CCC setup guide: paired devices reach the CCC through this proxy.
const CCC_PROXY_HOST = 'proxy.auerproxy.de';

/** Options for {@link createSimulatorApp}. */
export interface SimulatorAppOptions {
  /** The CCC's pairing endpoint; a function is read on every request, so the URL can change at runtime. */
  cccPairingUrl?: string | (() => string);
  /** Clock for sessions, lockout, reboot windows, system time, monitoring, messages, call data; injectable. */
  now?: () => Date;
  /** Timeout of the pairing request to the CCC, in milliseconds. */
  cccTimeoutMs?: number;
}

/** Options for {@link startSimulator}. */
export interface SimulatorOptions extends Omit<FleetOptions, 'now'>, Omit<SimulatorAppOptions, 'cccPairingUrl'> {
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  /** Interface to bind; loopback by default. */
  host?: string;
  /** The CCC's pairing endpoint; defaults to {@link DEFAULT_CCC_PAIRING_URL}. */
  cccPairingUrl?: string;
  /** Faults to inject from the start: serial number or fleet index ("0", "1", ...) → faults. */
  faults?: FaultConfig;
  /** Demo speed-up: simulated time runs this many times as fast as `now` from the start (default 1). */
  speed?: number;
}

/** A running simulator. */
export interface RunningSimulator {
  /** Base URL, e.g. `http://127.0.0.1:7008`. */
  url: string;
  /** URL template of one device's base, with `{serial}` as placeholder. */
  deviceUrlTemplate: string;
  /** The simulated devices, live: tests may change them. */
  fleet: SimulatedDevice[];
  /** The pairing URL devices currently use. */
  readonly cccPairingUrl: string;
  /** Points devices at another CCC pairing URL, e.g. once a test's backend has started. */
  setCccPairingUrl(url: string): void;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/**
 * Builds the HTTP app. Many devices share one port: each device lives under
 * `/devices/<serial>`, below which the paths follow the COMtrexx REST API
 * (`/api/v1/...`). Simulator-only controls live under `/fleet`.
 */
export function createSimulatorApp(fleet: SimulatedDevice[], options: SimulatorAppOptions = {}): express.Express {
  const { now = () => new Date(), cccTimeoutMs = DEFAULT_CCC_TIMEOUT_MS } = options;
  const configuredUrl = options.cccPairingUrl ?? DEFAULT_CCC_PAIRING_URL;
  const pairingUrl = typeof configuredUrl === 'function' ? configuredUrl : () => configuredUrl;
  const sessions = new SessionStore(now);
  const faultContext: FaultContext = { now, sessions, lockout: new LoginLockout(now) };

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json());

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', devices: fleet.length });
  });

  app.get('/fleet', (_req, res) => {
    res.json({ _links: { totalCount: fleet.length }, data: fleet.map(withoutSecrets) });
  });

  app.use('/fleet/:serial/faults', createFaultAdminRouter(fleet, faultContext));

  const device = express.Router({ mergeParams: true });
  device.get('/api/v1/system/info', (_req, res) => {
    const d = res.locals.device as SimulatedDevice;
    const at = now();
    res.json({
      serialNumber: d.serialNumber,
      model: d.model,
      firmwareVersion: d.firmwareVersion,
      // The REST spec version seen on a live COMtrexx.
      apiVersion: '0.0.37',
      macAddress: d.macAddress,
      hostname: d.hostname,
      systemTime: at.toISOString(),
      uptimeSeconds: Math.max(0, Math.floor((at.getTime() - Date.parse(d.bootedAt)) / 1000)),
      userLicences: d.userLicences,
    });
  });

  // Real COMtrexx: Basic credentials in, session cookie out (domain §2.1).
  device.post('/api/v1/login', (req, res) => {
    const d = res.locals.device as SimulatedDevice;
    const { lockout } = faultContext;
    // [INVENTED] While blocked, even the right credentials are refused (what
    // a real device does is unknown): a lockout that let the right password
    // through would tell an attacker it is right.
    const blocked = lockout.blockedSeconds(d.serialNumber);
    if (blocked > 0) {
      // Bare { blocked } body, no error object: mirrors what was observed on
      // Auerswald PBXs (domain §2.2).
      res.status(423).json({ blocked });
      return;
    }
    const given = parseBasicAuth(req.headers.authorization);
    const user = d.ccc.apiUser;
    if (!given || !user || !safeEqual(given.username, user.username) || !safeEqual(given.password, user.password)) {
      lockout.recordFailure(d.serialNumber);
      res.setHeader('WWW-Authenticate', 'Basic realm="COMtrexx"');
      sendError(res, 401, 'UNAUTHORIZED', 'Wrong user name or password');
      return;
    }
    lockout.recordSuccess(d.serialNumber);
    const id = sessions.create(d.serialNumber);
    // Path=/ as on a real device, which has the whole host to itself. Clients
    // talking to several simulated devices must keep one cookie per device.
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${id}; Max-Age=${SESSION_MAX_AGE_SECONDS}; Path=/; HttpOnly`);
    res.status(200).json({});
  });

  const requireSession = createSessionCheck(sessions);

  device.get('/api/v1/ccc/access', requireSession, (_req, res) => {
    res.json(accessView((res.locals.device as SimulatedDevice).ccc));
  });

  device.get('/api/v1/maintenance', requireSession, (_req, res) => {
    const { maintenance } = res.locals.device as SimulatedDevice;
    res.json({ active: maintenance.active, validUntil: maintenance.validUntil, source: 'voucher-center' });
  });

  // Endpoints for manageable devices only share one gate (domain §3.1).
  const gate = createManageableGate(sessions);
  device.use(createStatusRouter(gate));
  device.use(createMonitoringRouter(gate, now));
  device.use(createMessagesRouter(gate, now));
  device.use(createCallDataRouter(gate, now));
  device.use(createRemoteAccessRouter(gate, new RemoteAccessStore(now)));
  device.use(createBackupRouter(gate, now));
  device.use(createFirmwareRouter(gate, now));
  device.use(createOpenApiRouter());

  // The routes below stand for what an admin does in the device's own web
  // UI; the CCC never calls them, so they take no CCC session.

  device.post('/api/v1/ccc/access/confirm', async (req, res, next) => {
    try {
      const d = res.locals.device as SimulatedDevice;
      const code = (req.body as { confirmationCode?: unknown } | undefined)?.confirmationCode;
      if (typeof code !== 'string' || !code.trim()) {
        sendError(res, 400, 'BAD_REQUEST', 'confirmationCode must be a non-empty string');
        return;
      }
      const credentials = generateApiUser();
      const url = pairingUrl();
      const outcome = await sendPairingRequest(
        url,
        { serialNumber: d.serialNumber, token: code.trim(), credentials },
        cccTimeoutMs,
      );
      if (outcome.kind === 'unreachable') {
        sendError(res, 502, 'CCC_UNREACHABLE', outcome.message);
        return;
      }
      if (outcome.kind === 'refused') {
        // The admin should see exactly what the CCC objected to (expired
        // code, unknown code, ...), so its status and message pass through.
        // A non-error status (a redirect fetch did not follow) cannot carry a
        // body, so that case becomes a gateway error.
        const status = outcome.status >= 400 && outcome.status <= 599 ? outcome.status : 502;
        sendError(res, status, 'PAIRING_REFUSED', outcome.message);
        return;
      }
      d.ccc.state = 'confirmed';
      d.ccc.apiUser = credentials;
      d.ccc.confirmedAt = now().toISOString();
      // Sessions of an earlier pairing belong to credentials that no longer exist.
      sessions.dropAll(d.serialNumber);
      res.status(204).end();
    } catch (error) {
      next(error);
    }
  });

  device.delete('/api/v1/ccc/access', (_req, res) => {
    const d = res.locals.device as SimulatedDevice;
    d.ccc.state = 'none';
    d.ccc.apiUser = null;
    d.ccc.confirmedAt = null;
    sessions.dropAll(d.serialNumber);
    res.status(204).end();
  });

  device.put('/api/v1/ccc/access', (req, res) => {
    const d = res.locals.device as SimulatedDevice;
    const problem = validateAccessUpdate(req.body);
    if (problem) {
      sendError(res, 400, 'BAD_REQUEST', problem);
      return;
    }
    const body = req.body as { monitoringEnabled?: boolean; remoteConfigEnabled?: boolean };
    // COMtrexx PUT semantics: an omitted property stays as it is.
    if (body.monitoringEnabled !== undefined) d.ccc.monitoringEnabled = body.monitoringEnabled;
    if (body.remoteConfigEnabled !== undefined) d.ccc.remoteConfigEnabled = body.remoteConfigEnabled;
    res.json(accessView(d.ccc));
  });

  // A map by serial number: a linear search cost about 1 ms per request at 10,000 devices. Rebuilt
  // when a serial is not found, so devices added to the fleet array later are found too.
  let bySerial = new Map<string, SimulatedDevice>();
  const deviceBySerial = (serial: string) => {
    let found = bySerial.get(serial);
    if (!found || found.serialNumber !== serial) {
      bySerial = new Map(fleet.map(d => [d.serialNumber, d]));
      found = bySerial.get(serial);
    }
    return found;
  };
  app.use(
    '/devices/:serial',
    (req, res, next) => {
      const found = deviceBySerial(req.params.serial);
      if (!found) {
        sendError(res, 404, 'NOT_FOUND', `No simulated COMtrexx with serial number ${req.params.serial}`);
        return;
      }
      res.locals.device = found;
      next();
    },
    // Jobs first: a restart that a restore or update has begun must already answer 503.
    createSettleMiddleware(faultContext),
    createFaultMiddleware(faultContext),
    device,
  );

  app.use((req, res) => {
    sendError(res, 404, 'NOT_FOUND', `No such path: ${req.method} ${req.path}`);
  });

  // Express would answer errors (e.g. malformed JSON) with an HTML page;
  // clients of the device API expect the JSON error body everywhere.
  app.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = (err as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendError(res, status, 'BAD_REQUEST', err instanceof Error ? err.message : 'Bad request');
      return;
    }
    sendError(res, 500, 'INTERNAL_ERROR', err instanceof Error ? err.message : String(err));
  });
  return app;
}

/** Starts a simulated fleet on an HTTP port. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const {
    port = 0,
    host = '127.0.0.1',
    now: baseNow = () => new Date(),
    cccPairingUrl = DEFAULT_CCC_PAIRING_URL,
    cccTimeoutMs,
    faults,
    speed = 1,
    ...fleetOptions
  } = options;
  // One clock for everything, sessions and lockout included, so they keep their simulated durations.
  const now = acceleratedClock(baseNow, speed);
  let currentPairingUrl = checkUrl(cccPairingUrl);
  const fleet = createFleet({ ...fleetOptions, now: now() });
  if (faults !== undefined) applyFaultConfig(fleet, faults);
  const server = http.createServer(
    createSimulatorApp(fleet, { now, cccTimeoutMs, cccPairingUrl: () => currentPairingUrl }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    deviceUrlTemplate: `${url}/devices/{serial}`,
    fleet,
    get cccPairingUrl() {
      return currentPairingUrl;
    },
    setCccPairingUrl(next: string) {
      currentPairingUrl = checkUrl(next);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(err => (err ? reject(err) : resolve()));
      }),
  };
}

// Fail when the URL is configured, not on the first pairing attempt.
function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`CCC pairing URL is not a valid URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`CCC pairing URL must be http(s), got ${url}`);
  }
  return url;
}

function accessView(ccc: DeviceCccAccess) {
  return {
    state: ccc.state,
    confirmedAt: ccc.confirmedAt,
    monitoringEnabled: ccc.monitoringEnabled,
    remoteConfigEnabled: ccc.remoteConfigEnabled,
    proxyEnabled: true,
    proxyHost: CCC_PROXY_HOST,
  };
}

// /fleet is an unauthenticated overview; it shows who the CCC's API user is
// but not its password, which only the CCC should learn (via pairing).
// Phones and trunks are only counted: their lists are the devices' business.
function withoutSecrets(d: SimulatedDevice) {
  const { phones, trunks, backup, firmware, ...rest } = d;
  return {
    ...rest,
    ccc: { ...d.ccc, apiUser: d.ccc.apiUser ? { username: d.ccc.apiUser.username } : null },
    inventory: { phones: phones.length, trunks: trunks.length },
    // Summaries: the backup list and job details are the device API's business.
    backup: { configured: backup.config.configured, backups: backup.backups.length, schedule: backup.schedule.interval },
    firmware: { updateServerReachable: firmware.updateServerReachable },
  };
}

function validateAccessUpdate(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'Body must be a JSON object';
  }
  const allowed = ['monitoringEnabled', 'remoteConfigEnabled'];
  const unknown = Object.keys(body).filter(key => !allowed.includes(key));
  if (unknown.length > 0) {
    return `Unknown properties: ${unknown.join(', ')}; allowed are ${allowed.join(', ')}`;
  }
  for (const key of allowed) {
    const value = (body as Record<string, unknown>)[key];
    if (value !== undefined && typeof value !== 'boolean') {
      return `${key} must be true or false`;
    }
  }
  return undefined;
}

function parseBasicAuth(header: string | undefined): { username: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  // RFC 7617: the user id cannot contain ':', the password can.
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

// Compares digests so that neither content nor length leaks through timing.
function safeEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
