import { CccBackupAssurance, CccSystem } from '@internal/plugin-ccc-common';
import { scoreSystem } from './scoreSystem';

const now = new Date('2026-11-27T12:00:00.000Z');

const healthy: CccSystem = {
  id: 's1',
  name: 'Zentrale',
  serialNumber: 'CTX000111222',
  ownerRef: 'user:default/anna',
  catalogOwnerRef: 'user:default/anna',
  state: 'paired_ok',
  stateReason: null,
  stateMessage: null,
  paired: true,
  token: null,
  firstRegisteredAt: '2026-01-01T00:00:00.000Z',
  lastSeenAt: '2026-11-27T11:58:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-11-27T11:58:00.000Z',
  device: {
    model: 'COMtrexx Advanced',
    firmwareVersion: '2.6.2',
    maintenance: { active: true, validUntil: '2027-06-30' },
    monitoringEnabled: true,
    remoteConfigEnabled: true,
  },
  deviceAddress: { url: null, allowSelfSignedTls: false },
};
const goodBackup: CccBackupAssurance = {
  status: 'ok',
  lastSuccessAt: '2026-11-27T02:00:00.000Z',
  lastFailureAt: null,
  lastFailureMessage: null,
  nextRunAt: null,
  interval: 'daily',
  checkedAt: '2026-11-27T11:00:00.000Z',
};
const registration = { phones: 40, phonesOk: 40, trunks: 2, trunksNotRegistered: 0, trunksUnencrypted: 0 };
const inputs = {
  system: healthy,
  backup: goodBackup,
  registration,
  smtp: { assigned: false, defaultExists: true },
  load: { cpuAvg: 12, cpuMax: 40, memShare: 0.5 },
};
const status = (card: ReturnType<typeof scoreSystem>, id: string) => card.checks.find(c => c.id === id)?.status;

describe('scoreSystem', () => {
  it('gives a healthy system 100 with every check passed', () => {
    const card = scoreSystem(inputs, now);
    expect(card.score).toBe(100);
    expect(card.checks.every(c => c.status === 'pass')).toBe(true);
  });

  it('marks each kind of trouble and lowers the score by its weight', () => {
    const card = scoreSystem(
      {
        ...inputs,
        system: {
          ...healthy,
          device: { ...healthy.device!, firmwareVersion: '2.4.2', maintenance: { active: true, validUntil: '2026-12-10' } },
        },
        backup: { ...goodBackup, status: 'failed', lastFailureMessage: 'disk full' },
        registration: { ...registration, phonesOk: 34, trunksUnencrypted: 1 },
        smtp: { assigned: false, defaultExists: false },
        load: { cpuAvg: 85, cpuMax: 99, memShare: 0.5 },
      },
      now,
    );
    expect(Object.fromEntries(card.checks.map(c => [c.id, c.status]))).toEqual({
      reachable: 'pass',
      maintenance: 'warn',
      firmware: 'fail',
      backup: 'fail',
      trunks: 'warn',
      phones: 'warn',
      smtp: 'warn',
      load: 'warn',
    });
    expect(card.checks.find(c => c.id === 'maintenance')?.facts.daysLeft).toBe(12);
    expect(card.checks.find(c => c.id === 'backup')?.message).toMatch(/disk full/);
    // weights 3 pass + 2×½ + 1×0 + 3×0 + 2×½ + ½ + ½ + ½ = 6.5 of 14
    expect(card.score).toBe(46);
  });

  it('leaves out what cannot be known, and says unreachable when it is', () => {
    const unreachable = scoreSystem(
      {
        system: { ...healthy, state: 'error', stateReason: 'unreachable', device: null },
        backup: { ...goodBackup, status: 'unknown' },
        smtp: { assigned: true, defaultExists: false },
      },
      now,
    );
    expect(status(unreachable, 'reachable')).toBe('fail');
    expect(['maintenance', 'firmware', 'backup', 'trunks', 'phones', 'load'].map(id => status(unreachable, id))).toEqual(
      Array(6).fill('unknown'),
    );
    // reachable (3, fail) and smtp (1, pass): 1 of 4.
    expect(unreachable.score).toBe(25);
    const pending = scoreSystem(
      { system: { ...healthy, paired: false, state: 'token_pending', device: null }, backup: { ...goodBackup, status: 'unknown' }, smtp: { assigned: false, defaultExists: false } },
      now,
    );
    expect(status(pending, 'reachable')).toBe('unknown');
  });

  it('treats a system not seen for a while as a warning, and no maintenance as a failure', () => {
    const card = scoreSystem(
      {
        ...inputs,
        system: {
          ...healthy,
          lastSeenAt: '2026-11-27T10:00:00.000Z',
          device: { ...healthy.device!, maintenance: { active: false, validUntil: null } },
        },
      },
      now,
    );
    expect(status(card, 'reachable')).toBe('warn');
    expect(status(card, 'maintenance')).toBe('fail');
  });
});
