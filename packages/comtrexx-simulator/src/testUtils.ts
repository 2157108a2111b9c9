import http from 'node:http';
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
