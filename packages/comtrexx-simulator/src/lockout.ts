/** Failed logins in a row after which a device blocks logins (third-party observation, domain §2.2/§3.1). */
export const LOCKOUT_FAILED_LOGINS = 5;

/**
 * How long the block lasts. [INVENTED] The real duration is not public; the
 * 423 body only tells a client how many seconds are left.
 */
export const LOCKOUT_SECONDS = 60;

interface LockoutEntry {
  failed: number;
  blockedUntil: number | null;
}

/**
 * Login lockout per device: after {@link LOCKOUT_FAILED_LOGINS} failed logins
 * in a row, logins answer 423 `{ blocked: <seconds> }` for
 * {@link LOCKOUT_SECONDS}; a successful login resets the count. Kept apart
 * from the faults because it is normal device behaviour, not an injected one.
 */
export class LoginLockout {
  private readonly bySerial = new Map<string, LockoutEntry>();

  constructor(private readonly now: () => Date) {}

  /** Seconds the device still blocks logins; 0 when it does not. */
  blockedSeconds(serialNumber: string): number {
    const entry = this.bySerial.get(serialNumber);
    if (!entry?.blockedUntil) return 0;
    const left = entry.blockedUntil - this.now().getTime();
    if (left <= 0) {
      // Block over: the next failure counts from one again.
      this.bySerial.delete(serialNumber);
      return 0;
    }
    return Math.ceil(left / 1000);
  }

  /** Failed logins in a row so far (stays at the limit while blocked). */
  failedLogins(serialNumber: string): number {
    this.blockedSeconds(serialNumber); // drops an expired block first
    return this.bySerial.get(serialNumber)?.failed ?? 0;
  }

  /** Counts a failed login; the one that reaches the limit starts the block. */
  recordFailure(serialNumber: string): void {
    const entry = this.bySerial.get(serialNumber) ?? { failed: 0, blockedUntil: null };
    entry.failed++;
    if (entry.failed >= LOCKOUT_FAILED_LOGINS && entry.blockedUntil === null) {
      entry.blockedUntil = this.now().getTime() + LOCKOUT_SECONDS * 1000;
    }
    this.bySerial.set(serialNumber, entry);
  }

  /** A successful login ends the series of failures. */
  recordSuccess(serialNumber: string): void {
    this.bySerial.delete(serialNumber);
  }

  /** Forgets failures and any block, e.g. when a test clears a device's faults. */
  reset(serialNumber: string): void {
    this.bySerial.delete(serialNumber);
  }
}
