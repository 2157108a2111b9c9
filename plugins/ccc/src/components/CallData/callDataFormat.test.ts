import { formatDuration, hasFilters, localInputToIso, mergeFilters } from './callDataFormat';

describe('call data formatting', () => {
  it.each([
    [0, '0:00:00'],
    [5, '0:00:05'],
    [65, '0:01:05'],
    [3723, '1:02:03'],
    // Beyond a day the hours go on rather than wrap.
    [90_000, '25:00:00'],
  ])('shows %i seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('reads a datetime-local value as local time', () => {
    expect(localInputToIso('2026-11-27T08:00')).toBe(new Date(2026, 10, 27, 8, 0).toISOString());
    expect(localInputToIso('')).toBeUndefined();
    expect(localInputToIso('not a date')).toBeUndefined();
  });

  it('keeps the filters object when a patch changes nothing', () => {
    const filters = { q: 'Müller' };
    expect(mergeFilters(filters, { q: 'Müller', extension: undefined })).toBe(filters);
    expect(mergeFilters(filters, { success: false })).toEqual({ q: 'Müller', success: false });
    expect(hasFilters({ q: undefined })).toBe(false);
    expect(hasFilters({ success: false })).toBe(true);
  });
});
