import {
  CccBackup,
  CccBackupAssurance,
  CccBackupOverview,
  CccFirmwareOverview,
  CccFleetBackupRow,
  CccJob,
} from '@internal/plugin-ccc-common';

/** A manual backup made on the running firmware; override what a test is about. */
export function makeBackup(overrides: Partial<CccBackup> = {}): CccBackup {
  return {
    id: 'bkp-1',
    createdAt: '2026-11-26T02:00:00Z',
    firmwareVersion: '2.6.1',
    sizeBytes: 1_572_864,
    trigger: 'manual',
    ...overrides,
  };
}

/** A backup job anna just started; override what a test is about. */
export function makeJob(overrides: Partial<CccJob> = {}): CccJob {
  return {
    id: 'job-1',
    systemId: 'sys-1',
    kind: 'backup',
    state: 'running',
    phase: 'queued',
    progress: 0,
    startedBy: 'user:default/anna',
    startedAt: '2026-11-27T08:00:00Z',
    finishedAt: null,
    message: null,
    backupId: null,
    fromVersion: null,
    toVersion: null,
    ...overrides,
  };
}

/** Assurance of a system whose last backup succeeded; override what a test is about. */
export function makeAssurance(overrides: Partial<CccBackupAssurance> = {}): CccBackupAssurance {
  return {
    status: 'ok',
    lastSuccessAt: '2026-11-26T02:00:00Z',
    lastFailureAt: null,
    lastFailureMessage: null,
    nextRunAt: '2026-11-28T02:00:00Z',
    interval: 'daily',
    checkedAt: '2026-11-27T06:00:00Z',
    ...overrides,
  };
}

/** The backup tab of a system with backup set up, daily backups and two backups. */
export function makeBackupOverview(overrides: Partial<CccBackupOverview> = {}): CccBackupOverview {
  return {
    configured: true,
    serverAddress: 'backup.example.net',
    backups: [
      makeBackup(),
      makeBackup({ id: 'bkp-0', createdAt: '2026-11-20T02:00:00Z', firmwareVersion: '2.4.4', trigger: 'scheduled' }),
    ],
    schedule: {
      interval: 'daily',
      anchorTime: '2026-10-01T02:00:00Z',
      lastRun: '2026-11-26T02:00:00Z',
      nextRun: '2026-11-28T02:00:00Z',
    },
    retention: { keepLast: null, keepDays: null, source: 'fleet' },
    assurance: makeAssurance(),
    runningJob: null,
    ...overrides,
  };
}

/** Firmware of a system that runs 2.6.1 and may update to 2.6.2. */
export function makeFirmwareOverview(overrides: Partial<CccFirmwareOverview> = {}): CccFirmwareOverview {
  return {
    installed: '2.6.1',
    available: '2.6.2',
    updateServerReachable: true,
    device: { state: 'idle', progress: 0, fromVersion: null, toVersion: null, message: null },
    history: [],
    runningJob: null,
    ...overrides,
  };
}

/** A row of the fleet backups view; override what a test is about. */
export function makeFleetRow(overrides: Partial<CccFleetBackupRow> = {}): CccFleetBackupRow {
  return { systemId: 'sys-1', name: 'Berlin HQ', serialNumber: 'A1B2C3D4E5', assurance: makeAssurance(), ...overrides };
}
