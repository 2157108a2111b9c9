import { randomBytes } from 'node:crypto';

/** Lifetime of a COMtrexx REST session (`Max-Age` of `ctx_sessionid`, domain §2.1). */
export const SESSION_MAX_AGE_SECONDS = 24 * 60 * 60;

/**
 * Login sessions, kept per device: many simulated devices share one port, but
 * a cookie a device issued must only open that device, as on real hardware.
 */
export class SessionStore {
  private readonly bySerial = new Map<string, Map<string, number>>();

  constructor(private readonly now: () => Date) {}

  /** Opens a session for a device and returns its id. */
  create(serialNumber: string): string {
    const id = randomBytes(24).toString('hex');
    let sessions = this.bySerial.get(serialNumber);
    if (!sessions) {
      sessions = new Map();
      this.bySerial.set(serialNumber, sessions);
    }
    this.prune(sessions);
    sessions.set(id, this.now().getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    return id;
  }

  /** Whether the id is a live session of that device. */
  isValid(serialNumber: string, id: string | undefined): boolean {
    if (!id) return false;
    const sessions = this.bySerial.get(serialNumber);
    const expiresAt = sessions?.get(id);
    if (expiresAt === undefined) return false;
    if (this.now().getTime() >= expiresAt) {
      sessions!.delete(id);
      return false;
    }
    return true;
  }

  /** Ends every session of a device (re-pairing, revocation). */
  dropAll(serialNumber: string): void {
    this.bySerial.delete(serialNumber);
  }

  // Without pruning, a client that logs in again instead of reusing its
  // cookie would grow the map for as long as the simulator runs.
  private prune(sessions: Map<string, number>): void {
    const now = this.now().getTime();
    for (const [id, expiresAt] of sessions) {
      if (now >= expiresAt) sessions.delete(id);
    }
  }
}
