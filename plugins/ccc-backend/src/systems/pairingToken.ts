import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

// No 0/O or 1/I: the code is copied by people between two web interfaces.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Creates a pairing token like `K7QF-9MZD-2XPA` (about 60 bits, crypto random). */
export function generatePairingToken(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map(group => group.join('')).join('-');
}

/** Hash under which a token is compared; blanks, dashes and case do not matter. */
export function hashPairingToken(token: string): string {
  const normalised = token.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return createHash('sha256').update(normalised).digest('hex');
}

/** Compares a presented token with a stored hash in constant time. */
export function pairingTokenMatches(presented: string, storedHash: string): boolean {
  const a = Buffer.from(hashPairingToken(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
