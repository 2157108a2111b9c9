/**
 * Counts attempts per key in a fixed time window. In memory, per backend
 * process: with several replicas each enforces its own limit, which still
 * bounds guessing of pairing tokens to a rate far below what 60 bits need.
 */
export class RateLimiter {
  readonly #hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number {
    const now = this.now();
    const entry = this.#hits.get(key);
    if (!entry || entry.resetAt <= now) {
      this.#hits.set(key, { count: 1, resetAt: now + this.windowMs });
      this.#sweep(now);
      return 0;
    }
    entry.count++;
    return entry.count > this.limit ? Math.ceil((entry.resetAt - now) / 1000) : 0;
  }

  // Drop expired keys now and then so the map cannot grow without bound.
  #sweep(now: number) {
    if (this.#hits.size < 1000) return;
    for (const [key, entry] of this.#hits) {
      if (entry.resetAt <= now) this.#hits.delete(key);
    }
  }
}
