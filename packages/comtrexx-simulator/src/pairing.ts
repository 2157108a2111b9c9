import { randomBytes } from 'node:crypto';

/** What the device sends to the CCC when a local admin confirms a pairing code. */
export interface PairingRequest {
  serialNumber: string;
  /** The confirmation code the CCC showed its user. */
  token: string;
  /** The API user the device created for the CCC. */
  credentials: { username: string; password: string };
}

/** Outcome of {@link sendPairingRequest}. */
export type PairingOutcome =
  | { kind: 'accepted' }
  | { kind: 'refused'; status: number; message: string }
  | { kind: 'unreachable'; message: string };

/** Creates the API user a device hands to the CCC: random name and a 32-character password from a CSPRNG. */
export function generateApiUser(): { username: string; password: string } {
  return {
    username: `ccc-${randomBytes(6).toString('hex')}`,
    // base64url has no ':' so the password is always valid in a Basic header.
    password: randomBytes(24).toString('base64url'),
  };
}

/**
 * Posts the pairing request to the CCC and classifies the answer. Never
 * throws: the caller turns every outcome into an HTTP answer of the device.
 */
export async function sendPairingRequest(
  url: string,
  request: PairingRequest,
  timeoutMs: number,
): Promise<PairingOutcome> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.ok) {
      // The CCC has stored the credentials once it answers 2xx; a slow or
      // broken body must not turn that into a failure on the device side.
      await res.body?.cancel().catch(() => undefined);
      return { kind: 'accepted' };
    }
    return { kind: 'refused', status: res.status, message: refusalMessage(res, await res.text()) };
  } catch (error) {
    // Duck-typed on purpose: fetch's errors (a DOMException for the timeout)
    // may come from another realm, e.g. under jest, where instanceof fails.
    const { name, message, cause } = (error ?? {}) as {
      name?: unknown;
      message?: unknown;
      cause?: { message?: unknown };
    };
    if (name === 'TimeoutError' || name === 'AbortError') {
      return { kind: 'unreachable', message: `The CCC at ${url} did not answer within ${timeoutMs} ms` };
    }
    // Native fetch reports network failures as "fetch failed" and keeps the
    // useful part (ECONNREFUSED, ENOTFOUND, ...) in `cause`.
    const detail = typeof cause?.message === 'string' ? cause.message : String(message ?? error);
    return { kind: 'unreachable', message: `Cannot reach the CCC at ${url}: ${detail}` };
  }
}

// The CCC answers errors as { error: { message } }; anything else (a proxy's
// HTML page, an empty body) falls back to the status line.
function refusalMessage(res: Response, body: string): string {
  try {
    const message = JSON.parse(body)?.error?.message;
    if (typeof message === 'string' && message.trim()) return message;
  } catch {
    // not JSON
  }
  return res.statusText || `HTTP ${res.status}`;
}
