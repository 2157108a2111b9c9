// Held locally: looking up the global Math in jest's sandbox costs hundreds of nanoseconds per call.
const { floor, imul } = Math;

/** A small seeded pseudo-random generator, so that a fleet is the same on every start with the same seed. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** Creates a deterministic generator (mulberry32) from a numeric seed. */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: items => items[Math.floor(next() * items.length)],
  };
}

/** A stable 32-bit hash of a text (FNV-1a), e.g. to derive a per-device key from a serial number. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A float in [0, 1) that depends only on the given integers: a stateless
 * counterpart of {@link createSeededRandom}, for values that must be the same
 * whichever range of time a client asks for.
 */
export function hashUnit(...parts: number[]): number {
  let h = 0x9e3779b9;
  // Hot in call data and monitoring, hence the indexed loop and the local Math functions.
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    // Parts may exceed 32 bits (e.g. minute numbers are fine, but be safe):
    // fold the high bits in rather than dropping them.
    const low = part >>> 0;
    const high = floor(part / 4294967296) >>> 0;
    h = mix(h ^ low);
    h = mix(h ^ high);
  }
  return mix(h) / 4294967296;
}

// murmur3's 32-bit finaliser: every input bit affects every output bit.
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
