import {
  CccBackupAssurance,
  CccScoreCheck,
  CccScorecard,
  CccSystem,
  compareFirmware,
  MIN_FIRMWARE_VERSION,
  ScoreCheckId,
} from '@internal/plugin-ccc-common';
import { LoadSummary, RegistrationSummary } from '../database/MonitoringStore';

/** What the score of one system is computed from. */
export interface ScoreInputs {
  system: CccSystem;
  backup: CccBackupAssurance;
  registration?: RegistrationSummary;
  smtp: { assigned: boolean; defaultExists: boolean };
  load?: LoadSummary;
}

/** Thresholds of the checks. */
export interface ScoreThresholds {
  /** Maintenance ending within this many days is a warning. */
  maintenanceWarnDays: number;
  /** A system not seen for this long counts as unreachable. */
  staleAfterMinutes: number;
  cpuWarnPercent: number;
  memWarnShare: number;
}

/** Defaults of {@link ScoreThresholds}. */
export const DEFAULT_SCORE_THRESHOLDS: ScoreThresholds = {
  maintenanceWarnDays: 30,
  staleAfterMinutes: 15,
  cpuWarnPercent: 80,
  memWarnShare: 0.9,
};

// How much each check weighs: reachability and backups matter most.
const WEIGHTS: Record<ScoreCheckId, number> = {
  reachable: 3,
  maintenance: 2,
  firmware: 1,
  backup: 3,
  trunks: 2,
  phones: 1,
  smtp: 1,
  load: 1,
};

// A warning earns half the weight of a pass.
const CREDIT: Record<CccScoreCheck['status'], number> = { pass: 1, warn: 0.5, fail: 0, unknown: 0 };

type Check = Omit<CccScoreCheck, 'id'>;
const check = (status: CccScoreCheck['status'], message: string, facts: Check['facts'] = {}): Check => ({
  status,
  message,
  facts,
});

/** The health score of one system from stored facts; no device is asked. */
export function scoreSystem(inputs: ScoreInputs, now: Date, thresholds: ScoreThresholds = DEFAULT_SCORE_THRESHOLDS): CccScorecard {
  const { system } = inputs;
  const checks: CccScoreCheck[] = [
    { id: 'reachable', ...reachable(system, now, thresholds) },
    { id: 'maintenance', ...maintenance(system, now, thresholds) },
    { id: 'firmware', ...firmware(system) },
    { id: 'backup', ...backup(inputs.backup) },
    { id: 'trunks', ...trunks(inputs.registration) },
    { id: 'phones', ...phones(inputs.registration) },
    { id: 'smtp', ...smtp(inputs.smtp) },
    { id: 'load', ...load(inputs.load, thresholds) },
  ];
  let total = 0;
  let earned = 0;
  for (const c of checks) {
    if (c.status === 'unknown') continue;
    total += WEIGHTS[c.id];
    earned += WEIGHTS[c.id] * CREDIT[c.status];
  }
  return {
    systemId: system.id,
    name: system.name,
    serialNumber: system.serialNumber,
    score: total === 0 ? null : Math.round((earned / total) * 100),
    checks,
  };
}

function reachable(system: CccSystem, now: Date, t: ScoreThresholds): Check {
  if (!system.paired) return check('unknown', 'Not paired yet');
  if (system.state === 'error') return check('fail', `Not reachable: ${system.stateReason ?? 'error'}`, { reason: system.stateReason });
  if (system.stateReason === 'rebooting') return check('warn', 'Restarting', { reason: 'rebooting' });
  const minutes = system.lastSeenAt ? (now.getTime() - Date.parse(system.lastSeenAt)) / 60_000 : null;
  if (minutes === null || minutes > t.staleAfterMinutes) {
    return check('warn', 'Not seen recently', { minutesSinceSeen: minutes === null ? null : Math.round(minutes) });
  }
  return check('pass', 'Answers', { minutesSinceSeen: Math.round(minutes) });
}

function maintenance(system: CccSystem, now: Date, t: ScoreThresholds): Check {
  const m = system.device?.maintenance;
  if (!m) return check('unknown', 'Maintenance not read yet');
  if (!m.active) return check('fail', 'No active COMtrexx Maintenance', { active: false });
  if (!m.validUntil) return check('pass', 'Maintenance active', { active: true, daysLeft: null });
  const daysLeft = Math.floor((Date.parse(m.validUntil) - now.getTime()) / 86_400_000);
  if (daysLeft < t.maintenanceWarnDays) {
    return check('warn', `Maintenance ends in ${daysLeft} days`, { active: true, daysLeft, validUntil: m.validUntil });
  }
  return check('pass', 'Maintenance active', { active: true, daysLeft, validUntil: m.validUntil });
}

function firmware(system: CccSystem): Check {
  const version = system.device?.firmwareVersion;
  if (!version) return check('unknown', 'Firmware not read yet');
  if (compareFirmware(version, MIN_FIRMWARE_VERSION) < 0) {
    return check('fail', `Firmware ${version} is older than ${MIN_FIRMWARE_VERSION}`, { version, minimum: MIN_FIRMWARE_VERSION });
  }
  return check('pass', `Firmware ${version}`, { version, minimum: MIN_FIRMWARE_VERSION });
}

function backup(assurance: CccBackupAssurance): Check {
  const facts = { lastSuccessAt: assurance.lastSuccessAt, lastFailureAt: assurance.lastFailureAt, status: assurance.status };
  switch (assurance.status) {
    case 'ok':
      return check('pass', 'Recent successful backup', facts);
    case 'stale':
      return check('warn', 'No successful backup for too long', facts);
    case 'never':
      return check('warn', 'No backup yet', facts);
    case 'not_configured':
      return check('fail', 'Remote backup is not set up on the PBX', facts);
    case 'failed':
      return check('fail', `The last backup failed${assurance.lastFailureMessage ? `: ${assurance.lastFailureMessage}` : ''}`, facts);
    default:
      return check('unknown', 'Backups not read yet', facts);
  }
}

function trunks(r?: RegistrationSummary): Check {
  if (!r || r.trunks === 0) return check('unknown', 'No provider accounts read yet');
  const facts = { total: r.trunks, notRegistered: r.trunksNotRegistered, unencrypted: r.trunksUnencrypted };
  if (r.trunksNotRegistered > 0) return check('fail', `${r.trunksNotRegistered} of ${r.trunks} accounts not registered`, facts);
  if (r.trunksUnencrypted > 0) return check('warn', `${r.trunksUnencrypted} of ${r.trunks} accounts unencrypted`, facts);
  return check('pass', 'All accounts registered and encrypted', facts);
}

function phones(r?: RegistrationSummary): Check {
  if (!r || r.phones === 0) return check('unknown', 'No phones read yet');
  const share = r.phonesOk / r.phones;
  const facts = { total: r.phones, ok: r.phonesOk };
  if (share >= 0.95) return check('pass', `${r.phonesOk} of ${r.phones} phones working`, facts);
  if (share >= 0.8) return check('warn', `${r.phones - r.phonesOk} of ${r.phones} phones not registered`, facts);
  return check('fail', `${r.phones - r.phonesOk} of ${r.phones} phones not registered`, facts);
}

function smtp(s: ScoreInputs['smtp']): Check {
  if (s.assigned) return check('pass', 'Own SMTP server for warnings', { assigned: true });
  if (s.defaultExists) return check('pass', 'Warnings go through the default SMTP server', { assigned: false });
  return check('warn', 'No SMTP server: warnings are not mailed', { assigned: false });
}

function load(l: LoadSummary | undefined, t: ScoreThresholds): Check {
  if (!l) return check('unknown', 'No monitoring data of the last hour');
  const facts = { cpuAvg: Math.round(l.cpuAvg), cpuMax: Math.round(l.cpuMax), memPercent: Math.round(l.memShare * 100) };
  if (l.cpuAvg > t.cpuWarnPercent || l.memShare > t.memWarnShare) return check('warn', 'High load in the last hour', facts);
  return check('pass', 'Load normal in the last hour', facts);
}
