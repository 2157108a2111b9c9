/**
 * Where the call-data collection of one system stands (stored as JSON in device_cursors, kind calldata).
 * `afterId`: the highest CallDataId stored, while the device's ids are usable. `since`: a start time from which
 * reading again finds every record not yet stored, for firmware whose ids are all 0 (and as a fallback should
 * the ids stop being usable).
 */
export interface CallDataCollectionCursor {
  afterId?: number;
  since?: string;
}

/** Reads a stored cursor; anything unreadable means "from the start" (duplicates are ignored on the way). */
export function parseCollectionCursor(text: string | undefined): CallDataCollectionCursor {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const cursor: CallDataCollectionCursor = {};
    if (typeof value.afterId === 'number' && Number.isSafeInteger(value.afterId) && value.afterId >= 0) {
      cursor.afterId = value.afterId;
    }
    if (typeof value.since === 'string' && !Number.isNaN(Date.parse(value.since))) cursor.since = value.since;
    return cursor;
  } catch {
    return {};
  }
}

/** The stored form of a cursor. */
export function formatCollectionCursor(cursor: CallDataCollectionCursor): string {
  return JSON.stringify({ afterId: cursor.afterId, since: cursor.since });
}
