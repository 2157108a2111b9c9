import {
  CccMonitoringPoint,
  CccMonitoringSeries,
  CccPhone,
  CccScoreCheck,
  CccScorecard,
  CccTrunk,
} from '@internal/plugin-ccc-common';

/** A working phone of sys-1; override what a test is about. */
export function makePhone(overrides: Partial<CccPhone> = {}): CccPhone {
  return {
    systemId: 'sys-1',
    id: 'ph-1',
    name: 'Reception',
    macAddress: '00:09:52:AA:BB:01',
    type: 'ip',
    manufacturer: 'Auerswald',
    model: 'COMfortel D-400',
    firmwareVersion: '3.2.1',
    userNumber: '100',
    status: 'registered_encrypted',
    readAt: '2026-11-27T08:00:00Z',
    ...overrides,
  };
}

/** A registered, encrypted provider account of sys-1; override what a test is about. */
export function makeTrunk(overrides: Partial<CccTrunk> = {}): CccTrunk {
  return {
    systemId: 'sys-1',
    id: 'tr-1',
    accountName: 'Main line',
    providerName: 'Telekom',
    stunState: 'stun_ok',
    registrationState: 'registered_encrypted',
    lastChange: '2026-11-26T10:00:00Z',
    readAt: '2026-11-27T08:00:00Z',
    ...overrides,
  };
}

/** Every check passing; `checks` replaces single checks by id. */
export function makeScorecard(
  overrides: Partial<Omit<CccScorecard, 'checks'>> = {},
  checks: CccScoreCheck[] = [],
): CccScorecard {
  const passing: CccScoreCheck[] = [
    { id: 'reachable', status: 'pass', message: 'Answers', facts: { minutesSinceSeen: 1 } },
    { id: 'maintenance', status: 'pass', message: 'Maintenance active', facts: { active: true, daysLeft: 200 } },
    { id: 'firmware', status: 'pass', message: 'Firmware 2.6.1', facts: { version: '2.6.1', minimum: '2.4.4' } },
    {
      id: 'backup',
      status: 'pass',
      message: 'Recent successful backup',
      facts: { lastSuccessAt: '2026-11-27T02:00:00Z', lastFailureAt: null, status: 'ok' },
    },
    {
      id: 'trunks',
      status: 'pass',
      message: 'All accounts registered',
      facts: { total: 2, notRegistered: 0, unencrypted: 0 },
    },
    { id: 'phones', status: 'pass', message: '10 of 10 phones working', facts: { total: 10, ok: 10 } },
    { id: 'smtp', status: 'pass', message: 'Own SMTP server for warnings', facts: { assigned: true } },
    { id: 'load', status: 'pass', message: 'Load normal', facts: { cpuAvg: 12, cpuMax: 30, memPercent: 40 } },
  ];
  return {
    systemId: 'sys-1',
    name: 'Berlin HQ',
    serialNumber: 'A1B2C3D4E5',
    score: 100,
    checks: passing.map(check => checks.find(c => c.id === check.id) ?? check),
    ...overrides,
  };
}

/**
 * A series of `count` points one resolution apart, ending `endMsAgo` before
 * now; CPU and memory follow `cpu(i)` and rise slowly.
 */
export function makeSeries(
  overrides: Partial<CccMonitoringSeries> = {},
  options: { count?: number; cpu?: (i: number) => number; endMsAgo?: number } = {},
): CccMonitoringSeries {
  const resolutionSeconds = overrides.resolutionSeconds ?? 300;
  const count = options.count ?? 12;
  const cpu = options.cpu ?? (i => 20 + i);
  const end = Date.now() - (options.endMsAgo ?? 60_000);
  const points: CccMonitoringPoint[] = Array.from({ length: count }, (_, i) => {
    const avg = cpu(i);
    return {
      ts: new Date(end - (count - 1 - i) * resolutionSeconds * 1000).toISOString(),
      cpuAvg: avg,
      cpuMin: Math.max(0, avg - 10),
      cpuMax: Math.min(100, avg + 30),
      memUsedAvg: 1_000_000_000 + i * 10_000_000,
      memUsedMax: 1_200_000_000 + i * 10_000_000,
      memTotal: 4_000_000_000,
    };
  });
  return { range: 'day', resolutionSeconds, recordingEnabled: true, points, ...overrides };
}
