import { randomBytes } from 'node:crypto';

/** How long a remote configuration session stays valid, in minutes. [INVENTED] */
export const REMOTE_SESSION_MINUTES = 30;

/** A remote configuration session through the Remote-Access-Server (domain §1.14). */
export interface RemoteAccessSession {
  sessionId: string;
  /** ISO time after which the session is gone. */
  expiresAt: string;
}

/**
 * Remote configuration sessions, at most one per device. The real
 * Remote-Access-Server protocol is not public; this only keeps what the CCC
 * needs to open the web UI and show its "connected" icon.
 */
export class RemoteAccessStore {
  private readonly bySerial = new Map<string, { sessionId: string; expiresAtMs: number }>();

  constructor(private readonly now: () => Date) {}

  /** The live session of a device, if any; an expired one is dropped. */
  active(serialNumber: string): RemoteAccessSession | undefined {
    const session = this.bySerial.get(serialNumber);
    if (!session) return undefined;
    if (this.now().getTime() >= session.expiresAtMs) {
      this.bySerial.delete(serialNumber);
      return undefined;
    }
    return { sessionId: session.sessionId, expiresAt: new Date(session.expiresAtMs).toISOString() };
  }

  /** Opens a new session for a device, replacing any earlier one. */
  open(serialNumber: string): RemoteAccessSession {
    const sessionId = randomBytes(16).toString('hex');
    const expiresAtMs = this.now().getTime() + REMOTE_SESSION_MINUTES * 60_000;
    this.bySerial.set(serialNumber, { sessionId, expiresAtMs });
    return { sessionId, expiresAt: new Date(expiresAtMs).toISOString() };
  }

  /** Whether the id is the live session of that device. */
  isValid(serialNumber: string, sessionId: unknown): boolean {
    return typeof sessionId === 'string' && this.active(serialNumber)?.sessionId === sessionId;
  }

  /** Ends the session of a device, if any. */
  close(serialNumber: string): void {
    this.bySerial.delete(serialNumber);
  }
}
