import { InputError } from '@backstage/errors';
import { CallDataKey } from '../database/CallDataStore';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The opaque `nextCursor` of a call-data page: the start time and id of its last record. */
export function encodePageCursor(key: CallDataKey): string {
  return Buffer.from(`${key.startAt}|${key.id}`, 'utf8').toString('base64url');
}

/** Reads a cursor from {@link encodePageCursor}; 400 for anything else, as clients must not build their own. */
export function decodePageCursor(cursor: string): CallDataKey {
  const [startAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const n = Number(id);
  if (rest.length > 0 || !ISO_UTC.test(startAt ?? '') || !Number.isSafeInteger(n) || n < 1) {
    throw new InputError('cursor: not a cursor this API handed out; start again without it');
  }
  return { startAt, id: n };
}
