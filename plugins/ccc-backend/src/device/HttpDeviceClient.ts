import { createHash } from 'node:crypto';
import { Agent } from 'undici';
import { z } from 'zod';
import {
  backupConfigSchema,
  backupJobSchema,
  backupScheduleSchema,
  backupSchema,
  firmwareSchema,
  firmwareUpdateStatusSchema,
  jobAcceptedSchema,
  parseDeviceAnswer,
} from './backupSchemas';
import { parseCallDataPage } from './callDataSchemas';
import {
  cccAccessSchema,
  maintenanceSchema,
  monitoringSampleSchema,
  phoneStatusSchema,
  remoteSessionSchema,
  remoteSessionStateSchema,
  systemInfoSchema,
  systemMessageSchema,
  trunkStatusSchema,
} from './statusSchemas';
import {
  DeviceAccessRevokedError,
  DeviceBackupInProgressError,
  DeviceBackupNotConfiguredError,
  DeviceFirmwareUnsupportedError,
  DeviceLockedOutError,
  DeviceMaintenanceRequiredError,
  DeviceMonitoringDisabledError,
  DeviceNoUpdateAvailableError,
  DeviceNotFoundError,
  DeviceRebootingError,
  DeviceRemoteConfigDisabledError,
  DeviceRequestError,
  DeviceUnreachableError,
  DeviceUpdateInProgressError,
} from './errors';
import {
  DeviceBackup,
  DeviceBackupConfig,
  DeviceBackupInterval,
  DeviceBackupJob,
  DeviceBackupSchedule,
  DeviceCallData,
  DeviceCallDataCursor,
  DeviceCallDataPage,
  DeviceCallDataQuery,
  DeviceCallDataRead,
  DeviceCccAccess,
  DeviceClient,
  DeviceFirmware,
  DeviceFirmwareUpdateStatus,
  DeviceJobAccepted,
  DeviceMaintenance,
  DeviceMonitoringSample,
  DevicePhoneStatus,
  DeviceRemoteSession,
  DeviceSystemMessage,
  DeviceStatus,
  DeviceTrunkStatus,
  DeviceSystemInfo,
  DeviceTarget,
} from './DeviceClient';

/** Options for {@link HttpDeviceClient}. */
export interface HttpDeviceClientOptions {
  /** Limit for each HTTP request to a device. */
  timeoutMs?: number;
  /** How often an idempotent request is tried again after a network error, 502/504 or a short 503; default 2. */
  retries?: number;
  /** First backoff delay; doubles with each retry. */
  retryDelayMs?: number;
  /** Longest Retry-After the client waits for by itself; longer ones end as {@link DeviceRebootingError}. */
  maxRetryAfterMs?: number;
  /** PEM of a CA that signed the devices' (or gateway's) certificates, trusted besides the system CAs. */
  caCertificate?: string;
  /** Injectable for tests; defaults to the global fetch. */
  fetchFn?: typeof fetch;
  /** Injectable for tests; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** How long refused credentials are not tried again (default 15 minutes); see {@link HttpDeviceClient}. */
  refusedLoginPauseMs?: number;
  /** Injectable for tests; defaults to Date.now. */
  nowMs?: () => number;
}

const SESSION_COOKIE = 'ctx_sessionid';
/** Page size for call data: large pages, few requests; the simulator allows up to 1000. */
const CALL_DATA_PAGE_SIZE = 500;
// More pages than a full ring buffer (18,000 records) plus what arrives while reading: the device is confused.
const CALL_DATA_MAX_PAGES = 100;

/**
 * Talks to the COMtrexx REST API: Basic login on `POST /api/v1/login` gives a
 * `ctx_sessionid` cookie (valid about 24 h) that later requests carry; a 401
 * means the session ended, so the client logs in again once. A login refused
 * with 401 means the device no longer knows the CCC's API user: access was
 * revoked on the device. Credentials a device refused are not tried again
 * for a while (or until the system is paired anew): every periodic job would
 * otherwise log in with them, and five failed logins lock the device's login
 * for everyone, its administrators included. GET requests are retried with backoff on network
 * errors, 502/504 and a 503 whose Retry-After is short; nothing else is
 * retried, so no change is ever applied twice.
 */
export class HttpDeviceClient implements DeviceClient {
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #retryDelayMs: number;
  readonly #maxRetryAfterMs: number;
  readonly #fetch: typeof fetch;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #sessions = new Map<string, string>();
  // Session key and credential fingerprint → when the device refused them.
  readonly #refused = new Map<string, number>();
  readonly #refusedLoginPauseMs: number;
  readonly #nowMs: () => number;
  // Undici is pinned to the major version Node 20's fetch bundles, so these agents fit its `dispatcher` option.
  readonly #caAgent?: Agent;
  readonly #selfSignedAgent = new Agent({ connect: { rejectUnauthorized: false } });

  constructor(options: HttpDeviceClientOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#retries = options.retries ?? 2;
    this.#retryDelayMs = options.retryDelayMs ?? 250;
    this.#maxRetryAfterMs = options.maxRetryAfterMs ?? 5_000;
    this.#fetch = options.fetchFn ?? ((input, init) => fetch(input, init));
    this.#sleep = options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
    this.#refusedLoginPauseMs = options.refusedLoginPauseMs ?? 15 * 60_000;
    this.#nowMs = options.nowMs ?? Date.now;
    if (options.caCertificate) {
      this.#caAgent = new Agent({ connect: { ca: options.caCertificate } });
    }
  }

  async getStatus(target: DeviceTarget): Promise<DeviceStatus> {
    // system/info needs no session on the COMtrexx.
    const info: DeviceSystemInfo = await this.#checked(target, '/api/v1/system/info', systemInfoSchema, false);
    const access: DeviceCccAccess = await this.#checked(target, '/api/v1/ccc/access', cccAccessSchema);
    if (access.state !== 'confirmed') {
      throw new DeviceAccessRevokedError();
    }
    const maintenance: DeviceMaintenance = await this.#checked(target, '/api/v1/maintenance', maintenanceSchema);
    return { info, access, maintenance };
  }

  listPhoneStatus(target: DeviceTarget): Promise<DevicePhoneStatus[]> {
    return this.#allChecked(target, '/api/v1/phones/status', phoneStatusSchema);
  }

  listTrunkStatus(target: DeviceTarget): Promise<DeviceTrunkStatus[]> {
    return this.#allChecked(target, '/api/v1/trunks/status', trunkStatusSchema);
  }

  async getMonitoringSamples(
    target: DeviceTarget,
    range: { from: Date; to: Date; stepSeconds?: number },
  ): Promise<DeviceMonitoringSample[]> {
    const query = new URLSearchParams({
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      step: String(range.stepSeconds ?? 60),
    });
    const path = `/api/v1/monitoring/samples?${query}`;
    const page = await this.#json<{ data?: unknown }>(target, path, true);
    if (!Array.isArray(page.data)) {
      throw new DeviceRequestError('The device sent monitoring samples without data');
    }
    return parseDeviceAnswer(z.array(monitoringSampleSchema), page.data, path);
  }

  listSystemMessages(target: DeviceTarget, sinceId: number): Promise<DeviceSystemMessage[]> {
    return this.#allChecked(target, `/api/v1/systemmessages?since=${encodeURIComponent(String(sinceId))}`, systemMessageSchema);
  }

  async openRemoteSession(target: DeviceTarget): Promise<DeviceRemoteSession> {
    const path = '/api/v1/remoteaccess/session';
    const res = await this.#change(target, 'POST', path);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new DeviceRequestError(`The device sent an unreadable answer to ${path}`, res.status);
    }
    return parseDeviceAnswer(remoteSessionSchema, body, path);
  }

  getRemoteSession(target: DeviceTarget): Promise<{ active: boolean; sessionId?: string; expiresAt?: string }> {
    return this.#checked(target, '/api/v1/remoteaccess/session', remoteSessionStateSchema);
  }

  async closeRemoteSession(target: DeviceTarget): Promise<void> {
    await discard(await this.#change(target, 'DELETE', '/api/v1/remoteaccess/session'));
  }

  async fetchWebInterface(target: DeviceTarget, url: string) {
    const base = new URL(target.baseUrl);
    const page = new URL(url);
    // Only the device's own origin: a session URL is never a way to reach other hosts.
    if (page.origin !== base.origin) {
      throw new DeviceRequestError(`The web interface page ${page.origin} is not on the device's address ${base.origin}`);
    }
    const res = await this.#send(target, '', { method: 'GET', redirect: 'manual' }, page.toString());
    return {
      status: res.status,
      contentType: res.headers.get('content-type'),
      body: Buffer.from(await res.arrayBuffer()),
    };
  }

  // Backup and firmware paths are the simulator's [INVENTED] proposal (domain §3.2); answers are checked with zod.

  getBackupConfig(target: DeviceTarget): Promise<DeviceBackupConfig> {
    return this.#read(target, '/api/v1/backups/config', backupConfigSchema);
  }

  async listBackups(target: DeviceTarget): Promise<DeviceBackup[]> {
    const path = '/api/v1/backups';
    return parseDeviceAnswer(z.array(backupSchema), await this.#all<unknown>(target, path), path);
  }

  createBackup(target: DeviceTarget): Promise<DeviceJobAccepted> {
    return this.#changeJson(target, 'POST', '/api/v1/backups', jobAcceptedSchema);
  }

  getJob(target: DeviceTarget, jobId: string): Promise<DeviceBackupJob> {
    return this.#read(target, `/api/v1/backups/jobs/${encodeURIComponent(jobId)}`, backupJobSchema);
  }

  restoreBackup(
    target: DeviceTarget,
    backupId: string,
    options: { password?: string } = {},
  ): Promise<DeviceJobAccepted> {
    const path = `/api/v1/backups/${encodeURIComponent(backupId)}/restore`;
    const body = options.password === undefined ? undefined : { password: options.password };
    return this.#changeJson(target, 'POST', path, jobAcceptedSchema, body);
  }

  async deleteBackup(target: DeviceTarget, backupId: string): Promise<void> {
    await discard(await this.#change(target, 'DELETE', `/api/v1/backups/${encodeURIComponent(backupId)}`));
  }

  getBackupSchedule(target: DeviceTarget): Promise<DeviceBackupSchedule> {
    return this.#read(target, '/api/v1/backups/schedule', backupScheduleSchema);
  }

  setBackupSchedule(target: DeviceTarget, interval: DeviceBackupInterval): Promise<DeviceBackupSchedule> {
    return this.#changeJson(target, 'PUT', '/api/v1/backups/schedule', backupScheduleSchema, { interval });
  }

  getFirmware(target: DeviceTarget): Promise<DeviceFirmware> {
    return this.#read(target, '/api/v1/firmware', firmwareSchema);
  }

  startFirmwareUpdate(target: DeviceTarget): Promise<DeviceJobAccepted> {
    return this.#changeJson(target, 'POST', '/api/v1/firmware/update', jobAcceptedSchema);
  }

  getFirmwareUpdateStatus(target: DeviceTarget): Promise<DeviceFirmwareUpdateStatus> {
    return this.#read(target, '/api/v1/firmware/update/status', firmwareUpdateStatusSchema);
  }

  /** An authenticated read whose answer is checked against a schema. */
  async #read<S extends z.ZodType>(target: DeviceTarget, path: string, schema: S): Promise<z.output<S>> {
    return parseDeviceAnswer(schema, await this.#json<unknown>(target, path, true), path);
  }

  /** A change (see `#change`) whose JSON answer is checked against a schema. */
  async #changeJson<S extends z.ZodType>(
    target: DeviceTarget,
    method: string,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.output<S>> {
    const res = await this.#change(target, method, path, body);
    let value: unknown;
    try {
      value = await res.json();
    } catch {
      throw new DeviceRequestError(`The device sent an unreadable answer to ${path}`, res.status);
    }
    return parseDeviceAnswer(schema, value, path);
  }

  /**
   * A request that changes the device, with an optional JSON body: sent once
   * (a network error is not retried, as the device may have acted on it); a
   * 401 before the device acted is answered by logging in again, once.
   */
  async #change(target: DeviceTarget, method: string, path: string, body?: unknown): Promise<Response> {
    const json = body === undefined ? {} : { body: JSON.stringify(body) };
    const send = async () =>
      this.#send(target, path, {
        method,
        headers: {
          Accept: 'application/json',
          Cookie: `${SESSION_COOKIE}=${await this.#session(target)}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...json,
      });
    let res = await send();
    if (res.status === 401) {
      this.#sessions.delete(sessionKey(target));
      await discard(res);
      res = await send();
    }
    if (!res.ok) {
      throw await toDeviceError(res, path);
    }
    return res;
  }

  /** Reads a paged list (`limit`/`offset`, `{_links:{totalCount}, data}`) to the end. */
  async #all<T>(target: DeviceTarget, path: string, pageSize = 200): Promise<T[]> {
    const items: T[] = [];
    const separator = path.includes('?') ? '&' : '?';
    for (;;) {
      const page = await this.#json<{ _links?: { totalCount?: number }; data?: T[] }>(
        target,
        `${path}${separator}limit=${pageSize}&offset=${items.length}`,
        true,
      );
      if (!Array.isArray(page.data)) {
        throw new DeviceRequestError(`The device sent a list without data for ${path}`);
      }
      items.push(...page.data);
      const total = page._links?.totalCount ?? items.length;
      // An empty page ends the walk even if the total is off, so a confused device cannot loop us.
      if (page.data.length === 0 || items.length >= total) return items;
    }
  }

  // Call data (domain §1.11, §2.1): path, paging and fields as on the real REST API; afterId and since are the
  // simulator's [INVENTED] filters, so readCallDataAfter also copes with a device that ignores them.

  async listCallData(target: DeviceTarget, query: DeviceCallDataQuery = {}): Promise<DeviceCallDataPage> {
    const limit = query.limit ?? CALL_DATA_PAGE_SIZE;
    const offset = query.offset ?? 0;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new RangeError(`limit must be a whole number from 1 to 1000, got ${limit}`);
    }
    if (!Number.isInteger(offset) || offset < 0) {
      throw new RangeError(`offset must be a whole number from 0, got ${offset}`);
    }
    const params = new URLSearchParams();
    if (query.userId !== undefined) params.set('UserId', query.userId);
    if (query.afterId !== undefined) params.set('afterId', String(query.afterId));
    if (query.since !== undefined) params.set('since', query.since.toISOString());
    params.set('limit', String(limit));
    params.set('offset', String(offset));
    const path = `/api/v1/calldata?${params}`;
    return parseCallDataPage(await this.#json<unknown>(target, path, true), path);
  }

  async readCallDataAfter(target: DeviceTarget, cursor: DeviceCallDataCursor = {}): Promise<DeviceCallDataRead> {
    const { afterId, since } = cursor;
    const sinceMs = since?.getTime();
    // Applied here as well: a device without the invented filters sends everything.
    const wanted = (r: DeviceCallData) =>
      (afterId === undefined || r.CallDataId > afterId) &&
      (sinceMs === undefined || Date.parse(r.startDate) >= sinceMs);
    let records: DeviceCallData[] = [];
    // Keyset paging (afterId = last id read, offset 0) does not skip or repeat records when the device appends or
    // overwrites records meanwhile; offset paging is the fallback when ids cannot serve.
    let keyset = true;
    let pageAfter = afterId;
    let offset = 0;
    for (let pages = 0; ; pages++) {
      if (pages >= CALL_DATA_MAX_PAGES) {
        throw new DeviceRequestError(`The device sent more than ${CALL_DATA_MAX_PAGES} pages of call data`);
      }
      const page = await this.listCallData(target, {
        afterId: pageAfter,
        since,
        limit: CALL_DATA_PAGE_SIZE,
        offset: keyset ? 0 : offset,
      });
      const rows = page.records;
      const sent = pageAfter;
      if (keyset && sent !== undefined && rows.some(r => r.CallDataId <= sent)) {
        // The device ignored afterId (the real API has no such filter): start again, page by offset, filter here.
        keyset = false;
        pageAfter = undefined;
        offset = 0;
        records = [];
        continue;
      }
      records.push(...rows.filter(wanted));
      offset += rows.length;
      if (rows.length < CALL_DATA_PAGE_SIZE || (!keyset && offset >= page.totalCount)) break;
      const last = rows[rows.length - 1].CallDataId;
      const increasing = rows.every((r, i) => i === 0 || r.CallDataId > rows[i - 1].CallDataId);
      if (keyset && increasing && last > (pageAfter ?? 0)) {
        pageAfter = last;
      } else if (keyset) {
        // Ids that do not increase (all 0 on a quirky firmware): go on by offset after the same cursor.
        keyset = false;
        offset = rows.length;
      }
    }
    const idsUnusable = records.length > 0 && records.every(r => r.CallDataId === 0);
    const highest = idsUnusable ? undefined : records.reduce((max, r) => Math.max(max, r.CallDataId), -1);
    const nextAfterId = highest === undefined || highest < 0 ? afterId : Math.max(highest, afterId ?? 0);
    const gap =
      afterId !== undefined && since === undefined && !idsUnusable && records.length > 0
        ? records[0].CallDataId > afterId + 1
        : false;
    return { records, nextAfterId: idsUnusable ? undefined : nextAfterId, idsUnusable, gap };
  }

  forget(serialNumber: string): void {
    // Sessions and refused credentials are both keyed by serial number first.
    for (const byKey of [this.#sessions, this.#refused]) {
      for (const key of byKey.keys()) {
        if (key.startsWith(`${serialNumber}|`)) byKey.delete(key);
      }
    }
  }

  // A GET whose answer is checked against a schema.
  async #checked<S extends z.ZodType>(target: DeviceTarget, path: string, schema: S, authenticated = true): Promise<z.output<S>> {
    return parseDeviceAnswer(schema, await this.#json<unknown>(target, path, authenticated), path);
  }

  // Every page of a list, each item checked against a schema.
  async #allChecked<S extends z.ZodType>(target: DeviceTarget, path: string, item: S): Promise<Array<z.output<S>>> {
    return parseDeviceAnswer(z.array(item), await this.#all<unknown>(target, path), path);
  }

  async #json<T>(target: DeviceTarget, path: string, authenticated: boolean): Promise<T> {
    let res = await this.#get(target, path, authenticated);
    if (authenticated && res.status === 401) {
      // Session expired (24 h) or the device rebooted: log in again, once.
      this.#sessions.delete(sessionKey(target));
      await discard(res);
      res = await this.#get(target, path, true);
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

  /** A GET with retries: safe to repeat, so transient trouble is retried with backoff. */
  async #get(target: DeviceTarget, path: string, authenticated: boolean): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= this.#retries;
      let res: Response;
      try {
        const headers: Record<string, string> = { Accept: 'application/json' };
        if (authenticated) {
          headers.Cookie = `${SESSION_COOKIE}=${await this.#session(target)}`;
        }
        res = await this.#send(target, path, { headers });
      } catch (error) {
        if (last || !(error instanceof DeviceUnreachableError)) throw error;
        await this.#sleep(this.#backoff(attempt));
        continue;
      }
      const wait = this.#retryWait(res, attempt);
      if (last || wait === undefined) {
        return res;
      }
      await discard(res);
      await this.#sleep(wait);
    }
  }

  /** How long to wait before trying a GET again, or undefined when its answer is final. */
  #retryWait(res: Response, attempt: number): number | undefined {
    if (res.status === 502 || res.status === 504) {
      return this.#backoff(attempt);
    }
    if (res.status === 503) {
      const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
      if (retryAfter === undefined) return this.#backoff(attempt);
      return retryAfter <= this.#maxRetryAfterMs ? retryAfter : undefined;
    }
    return undefined;
  }

  #backoff(attempt: number): number {
    // Exponential with jitter, so many systems failing at once do not retry in step.
    return this.#retryDelayMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
  }

  async #session(target: DeviceTarget): Promise<string> {
    const key = sessionKey(target);
    const known = this.#sessions.get(key);
    if (known) return known;
    const refusedKey = `${key}|${credentialsFingerprint(target)}`;
    const refusedAt = this.#refused.get(refusedKey);
    if (refusedAt !== undefined && this.#nowMs() - refusedAt < this.#refusedLoginPauseMs) {
      throw new DeviceAccessRevokedError(
        'The device refused the CCC credentials a short while ago; they are not tried again until the system is paired anew',
      );
    }
    const basic = Buffer.from(`${target.credentials.username}:${target.credentials.password}`).toString('base64');
    const res = await this.#send(target, '/api/v1/login', {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, Accept: 'application/json' },
    });
    if (res.status === 401 || res.status === 403) {
      await discard(res);
      this.#refused.set(refusedKey, this.#nowMs());
      throw new DeviceAccessRevokedError('The device no longer accepts the CCC credentials; access was probably removed on the device');
    }
    this.#refused.delete(refusedKey);
    if (!res.ok) {
      throw await toDeviceError(res, '/api/v1/login');
    }
    await discard(res);
    const cookie = readCookie(res.headers, SESSION_COOKIE);
    if (!cookie) {
      throw new DeviceRequestError('The device accepted the login but sent no session cookie', res.status);
    }
    this.#sessions.set(key, cookie);
    return cookie;
  }

  async #send(target: DeviceTarget, path: string, init: RequestInit, absoluteUrl?: string): Promise<Response> {
    const url = absoluteUrl ?? `${target.baseUrl.replace(/\/+$/, '')}${path}`;
    const agent = target.allowSelfSignedTls ? this.#selfSignedAgent : this.#caAgent;
    try {
      return await this.#fetch(url, {
        ...init,
        ...(agent ? { dispatcher: agent } : {}),
        signal: AbortSignal.timeout(this.#timeoutMs),
      } as RequestInit);
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

// Tells credentials apart without keeping the password in memory twice.
function credentialsFingerprint(target: DeviceTarget): string {
  return createHash('sha256').update(`${target.credentials.username}\0${target.credentials.password}`).digest('hex');
}

function readCookie(headers: Headers, name: string): string | undefined {
  const all = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [headers.get('set-cookie') ?? ''];
  for (const header of all) {
    const match = header.match(new RegExp(`(?:^|[;,]\\s*)${name}=([^;]+)`));
    if (match) return match[1];
  }
  return undefined;
}

/** Retry-After in milliseconds, from seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function toDeviceError(res: Response, path: string): Promise<Error> {
  let code: string | undefined;
  let message: string | undefined;
  let blocked: number | undefined;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string }; blocked?: number };
    code = body.error?.code;
    message = body.error?.message;
    blocked = typeof body.blocked === 'number' ? body.blocked : undefined;
  } catch {
    // Not JSON: keep the status line.
  }
  if (res.status === 503) {
    const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
    return new DeviceRebootingError(retryAfter !== undefined ? Math.ceil(retryAfter / 1000) : undefined);
  }
  if (res.status === 502 || res.status === 504) {
    return new DeviceUnreachableError(message ?? `The gateway in front of the device answered ${res.status} to ${path}`);
  }
  if (res.status === 423) {
    return new DeviceLockedOutError(blocked);
  }
  if (res.status === 412 && code === 'MAINTENANCE_REQUIRED') {
    return new DeviceMaintenanceRequiredError(message);
  }
  if (res.status === 409 && code === 'MONITORING_DISABLED') {
    return new DeviceMonitoringDisabledError(message);
  }
  if (res.status === 412 && code === 'REMOTE_CONFIG_DISABLED') {
    return new DeviceRemoteConfigDisabledError(message);
  }
  if (res.status === 412 && code === 'FIRMWARE_UNSUPPORTED') {
    return new DeviceFirmwareUnsupportedError(message);
  }
  if (res.status === 409 && code === 'BACKUP_NOT_CONFIGURED') {
    return new DeviceBackupNotConfiguredError(message);
  }
  if (res.status === 409 && code === 'BACKUP_IN_PROGRESS') {
    return new DeviceBackupInProgressError(message);
  }
  if (res.status === 409 && code === 'UPDATE_IN_PROGRESS') {
    return new DeviceUpdateInProgressError(message);
  }
  if (res.status === 409 && code === 'NO_UPDATE_AVAILABLE') {
    return new DeviceNoUpdateAvailableError(message);
  }
  if (res.status === 404 && code === 'NOT_FOUND') {
    return new DeviceNotFoundError(message);
  }
  return new DeviceRequestError(message ?? `The device answered ${res.status} to ${path}`, res.status, code);
}
