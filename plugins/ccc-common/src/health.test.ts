import { cccHealthSchema, overallHealthStatus } from './health';

describe('overallHealthStatus', () => {
  it('is down whenever the database is not ok', () => {
    expect(overallHealthStatus({ status: 'down' }, { status: 'ok' })).toBe('down');
    expect(overallHealthStatus({ status: 'not-configured' }, { status: 'ok' })).toBe('down');
  });

  it('is degraded when only the devices are unreachable', () => {
    expect(overallHealthStatus({ status: 'ok' }, { status: 'down' })).toBe('degraded');
  });

  it('is ok when the device probe is simply not configured', () => {
    expect(overallHealthStatus({ status: 'ok' }, { status: 'not-configured' })).toBe('ok');
  });
});

describe('cccHealthSchema', () => {
  it('rejects an unknown status so the frontend never shows garbage', () => {
    const result = cccHealthSchema.safeParse({
      status: 'fine',
      checkedAt: '2026-01-01T00:00:00Z',
      database: { status: 'ok' },
      devices: { status: 'ok' },
    });
    expect(result.success).toBe(false);
  });
});
