import { Agent } from 'undici';
import { DeviceAccessRevokedError, DeviceRequestError, DeviceUnreachableError } from './errors';
import {
  DeviceCccAccess,
  DeviceClient,
  DeviceMaintenance,
  DeviceStatus,
  DeviceSystemInfo,
  DeviceTarget,
} from './DeviceClient';

/** Options for {@link HttpDeviceClient}. */
export interface HttpDeviceClientOptions {
  /** Limit for each HTTP request to a device. */
  timeoutMs?: number;
  /** Injectable for tests; defaults to the global fetch. */
  fetchFn?: typeof fetch;
}

const SESSION_COOKIE = 'ctx_sessionid';

// COMtrexx devices usually present a self-signed certificate. For systems
// where an admin allowed that, requests go through an agent that skips
// certificate verification; undici is pinned to the major version Node 20's
// fetch bundles, so the agent fits its `dispatcher` option.
const selfSignedTlsAgent = new Agent({ connect: { rejectUnauthorized: false } });

/**
 * Talks to the COMtrexx REST API: Basic login on `POST /api/v1/login` gives a
 * `ctx_sessionid` cookie (valid about 24 h) that later requests carry; a 401
 * means the session ended, so the client logs in again once. A login refused
 * with 401 means the device no longer knows the CCC's API user: access was
 * revoked on the device.
 */
export class HttpDeviceClient implements DeviceClient {
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #sessions = new Map<string, string>();

  constructor(options: HttpDeviceClientOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#fetch = options.fetchFn ?? ((input, init) => fetch(input, init));
  }

  async getStatus(target: DeviceTarget): Promise<DeviceStatus> {
    // system/info needs no session on the COMtrexx.
    const info = await this.#json<DeviceSystemInfo>(target, '/api/v1/system/info', false);
    const access = await this.#json<DeviceCccAccess>(target, '/api/v1/ccc/access', true);
    if (access.state !== 'confirmed') {
      throw new DeviceAccessRevokedError();
    }
    const maintenance = await this.#json<DeviceMaintenance>(target, '/api/v1/maintenance', true);
    return { info, access, maintenance };
  }

  forget(serialNumber: string): void {
    for (const key of this.#sessions.keys()) {
      if (key.startsWith(`${serialNumber}|`)) this.#sessions.delete(key);
    }
  }

  async #json<T>(target: DeviceTarget, path: string, authenticated: boolean): Promise<T> {
    let res = await this.#request(target, path, authenticated);
    if (authenticated && res.status === 401) {
      // Session expired (24 h) or the device rebooted: log in again, once.
      this.#sessions.delete(sessionKey(target));
      await discard(res);
      res = await this.#request(target, path, true);
    }
    if (!res.ok) {
      throw await toDeviceError(res, path);
    }
    try {
      return (await res.json()) as T;
    } catch {
      throw new DeviceRequestError(`The device sent an unreadable answer to ${path}`, res.status);
    }
  }

  async #request(target: DeviceTarget, path: string, authenticated: boolean): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (authenticated) {
      headers.Cookie = `${SESSION_COOKIE}=${await this.#session(target)}`;
    }
    return this.#send(target, path, { headers });
  }

  async #session(target: DeviceTarget): Promise<string> {
    const key = sessionKey(target);
    const known = this.#sessions.get(key);
    if (known) return known;
    const basic = Buffer.from(`${target.credentials.username}:${target.credentials.password}`).toString('base64');
    const res = await this.#send(target, '/api/v1/login', {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, Accept: 'application/json' },
    });
    await discard(res);
    if (res.status === 401 || res.status === 403) {
      throw new DeviceAccessRevokedError('The device no longer accepts the CCC credentials; access was probably removed on the device');
    }
    if (!res.ok) {
      throw await toDeviceError(res, '/api/v1/login');
    }
    const cookie = readCookie(res.headers, SESSION_COOKIE);
    if (!cookie) {
      throw new DeviceRequestError('The device accepted the login but sent no session cookie', res.status);
    }
    this.#sessions.set(key, cookie);
    return cookie;
  }

  async #send(target: DeviceTarget, path: string, init: RequestInit): Promise<Response> {
    const url = `${target.baseUrl.replace(/\/+$/, '')}${path}`;
    try {
      const tls = target.allowSelfSignedTls ? { dispatcher: selfSignedTlsAgent } : {};
      return await this.#fetch(url, { ...init, ...tls, signal: AbortSignal.timeout(this.#timeoutMs) } as RequestInit);
    } catch (error) {
      const e = error as Error & { cause?: Error };
      const detail = e.name === 'TimeoutError' ? `no answer within ${this.#timeoutMs} ms` : (e.cause?.message ?? e.message);
      throw new DeviceUnreachableError(`COMtrexx ${target.serialNumber} is not reachable: ${detail}`);
    }
  }
}

// Reads and drops a body so the connection can be reused. (Cancelling the
// stream instead can hang under msw in tests.)
async function discard(res: Response): Promise<void> {
  await res.arrayBuffer().catch(() => undefined);
}

function sessionKey(target: DeviceTarget): string {
  return `${target.serialNumber}|${target.credentials.username}`;
}

function readCookie(headers: Headers, name: string): string | undefined {
  const all = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [headers.get('set-cookie') ?? ''];
  for (const header of all) {
    const match = header.match(new RegExp(`(?:^|[;,]\\s*)${name}=([^;]+)`));
    if (match) return match[1];
  }
  return undefined;
}

async function toDeviceError(res: Response, path: string): Promise<Error> {
  let code: string | undefined;
  let message: string | undefined;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code;
    message = body.error?.message;
  } catch {
    // Not JSON: keep the status line.
  }
  if (res.status === 502 || res.status === 503 || res.status === 504) {
    return new DeviceUnreachableError(message ?? `The device or its gateway answered ${res.status} to ${path}`);
  }
  return new DeviceRequestError(message ?? `The device answered ${res.status} to ${path}`, res.status, code);
}
