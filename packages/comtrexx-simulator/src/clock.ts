/** Largest accepted speed-up: a year in about half a minute. Larger values are almost certainly typos. */
export const MAX_CLOCK_SPEED = 1_000_000;

/**
 * A clock that runs `speed` times as fast as `base` from the moment it is
 * created: now = start + (base elapsed) * speed. For demos that should show a
 * day of call data or a full ring buffer within minutes. Everything of the
 * simulator that reads the clock (sessions, login lockout, reboot windows,
 * call data, ...) runs faster alike, so durations the devices report
 * (Retry-After, `blocked`, the session's Max-Age) are in simulated seconds.
 */
export function acceleratedClock(base: () => Date, speed: number): () => Date {
  checkClockSpeed(speed);
  if (speed === 1) return base;
  const start = base().getTime();
  return () => new Date(start + (base().getTime() - start) * speed);
}

/** Throws unless `speed` is a usable factor: a finite number above 0 and at most {@link MAX_CLOCK_SPEED}. */
export function checkClockSpeed(speed: number): void {
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0 || speed > MAX_CLOCK_SPEED) {
    throw new Error(`The clock speed must be a number above 0 and at most ${MAX_CLOCK_SPEED}, got ${speed}`);
  }
}
