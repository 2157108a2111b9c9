import http from 'node:http';
import type { SimulatedDevice } from './fleet';
import type { AddressInfo } from 'node:net';

/** One request the stand-in CCC received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  contentType: string | undefined;
  body: unknown;
}

/** A tiny HTTP server standing in for the CCC backend's pairing endpoint. */
export interface FakeCcc {
  /** Full URL of the pairing endpoint. */
  pairingUrl: string;
  /** Base the CLI's --ccc-url expects. */
  baseUrl: string;
  received: ReceivedRequest[];
  /** What the next requests get; 201 `{}` unless changed. */
  respondWith(status: number, body?: unknown, delayMs?: number): void;
  close(): Promise<void>;
}

/** Starts a {@link FakeCcc} on a free loopback port. */
export async function startFakeCcc(): Promise<FakeCcc> {
  const received: ReceivedRequest[] = [];
  // Delayed answers still waiting; cleared on close so no timer outlives a test.
  const pending = new Set<NodeJS.Timeout>();
  let answer: { status: number; body?: unknown; delayMs: number } = { status: 201, body: {}, delayMs: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        contentType: req.headers['content-type'],
        body: text ? JSON.parse(text) : undefined,
      });
      const { status, body, delayMs } = answer;
      const timer = setTimeout(() => {
        pending.delete(timer);
        if (res.destroyed) return;
        if (body === undefined) {
          res.writeHead(status).end();
        } else {
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        }
      }, delayMs);
      pending.add(timer);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/ccc`;
  return {
    pairingUrl: `${base}/pairing`,
    baseUrl: base,
    received,
    respondWith(status, body, delayMs = 0) {
      answer = { status, body, delayMs };
    },
    close: () =>
      new Promise<void>(resolve => {
        pending.forEach(clearTimeout);
        pending.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on which nothing listens: a port that was free a moment ago. */
export async function deadUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api/ccc/pairing`;
}

/** The value of `ctx_sessionid` from a Set-Cookie header. */
export function sessionCookie(res: Response): string {
  const match = /ctx_sessionid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '');
  if (!match) throw new Error('no ctx_sessionid cookie');
  return `ctx_sessionid=${match[1]}`;
}

/** An HTTP Basic header. */
export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/**
 * Pairs a device without a CCC, by setting what a successful pairing leaves
 * behind; for tests about what happens after pairing.
 */
export function pairDirectly(device: SimulatedDevice): { username: string; password: string } {
  const apiUser = { username: 'ccc-test', password: `pw-${device.serialNumber}` };
  device.ccc = { ...device.ccc, state: 'confirmed', apiUser, confirmedAt: '2026-06-01T09:00:00.000Z' };
  return apiUser;
}

/** Logs in to a device of a simulator and returns the `Cookie` header value. */
export async function logIn(simulatorUrl: string, device: SimulatedDevice): Promise<string> {
  const { username, password } = device.ccc.apiUser!;
  const res = await fetch(`${simulatorUrl}/devices/${device.serialNumber}/api/v1/login`, {
    method: 'POST',
    headers: { authorization: basic(username, password) },
  });
  if (res.status !== 200) throw new Error(`login answered ${res.status}`);
  return sessionCookie(res);
}

/** An io for runCli (CliIo) with a pair of writers that collect the output. */
export function captureIo(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      env,
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** Makes a device manageable (paired, maintenance, current firmware), logs in and returns the `Cookie` header value. */
export async function makeManageable(simulatorUrl: string, device: SimulatedDevice): Promise<string> {
  device.firmwareVersion = '2.6.0';
  device.maintenance = { active: true, validUntil: '2027-01-01' };
  pairDirectly(device);
  return logIn(simulatorUrl, device);
}
