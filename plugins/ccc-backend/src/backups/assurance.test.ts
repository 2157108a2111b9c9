import { assessBackups } from './assurance';

const now = new Date('2026-11-27T12:00:00.000Z');
const base = {
  systemId: 's',
  configured: true,
  lastSuccessAt: '2026-11-26T02:00:00.000Z',
  lastFailureAt: null,
  lastFailureMessage: null,
  nextRunAt: '2026-11-28T02:00:00.000Z',
  interval: 'daily' as const,
  checkedAt: '2026-11-27T11:55:00.000Z',
};

describe('assessBackups', () => {
  it('tells ok, stale, failed, never, not configured and unknown apart', () => {
    expect(assessBackups(base, now, 7).status).toBe('ok');
    expect(assessBackups({ ...base, lastSuccessAt: '2026-11-10T02:00:00.000Z' }, now, 7).status).toBe('stale');
    expect(assessBackups({ ...base, lastFailureAt: '2026-11-27T02:00:00.000Z', lastFailureMessage: 'x' }, now, 7)).toMatchObject({
      status: 'failed',
      lastFailureMessage: 'x',
    });
    // A success after the failure heals it.
    expect(assessBackups({ ...base, lastFailureAt: '2026-11-20T02:00:00.000Z' }, now, 7).status).toBe('ok');
    expect(assessBackups({ ...base, lastSuccessAt: null }, now, 7).status).toBe('never');
    expect(assessBackups({ ...base, configured: false }, now, 7).status).toBe('not_configured');
    expect(assessBackups(undefined, now, 7).status).toBe('unknown');
  });
});
