import { CccWarningSeverity, WARNING_SEVERITIES } from '@internal/plugin-ccc-common';
import { createHash } from 'node:crypto';
import { assessBackups } from '../backups/assurance';
import { BackupStatusRecord } from '../database/BackupStore';
import { SystemRecord } from '../database/SystemStore';
import { WarningActivity } from '../database/WarningStore';

/** The kinds of alert conditions the CCC tracks per system. */
export const ALERT_CONDITION_KINDS = ['warning', 'backup_failed', 'backup_stale', 'device_unreachable'] as const;

/** Kind of an alert condition. */
export type AlertConditionKind = (typeof ALERT_CONDITION_KINDS)[number];

/** A condition as the stored facts show it now (before it is compared with what was raised). */
export interface ObservedCondition {
  /** Stable per system and condition: the same problem always has the same key. */
  key: string;
  kind: AlertConditionKind;
  severity: CccWarningSeverity;
  title: string;
  /** What is wrong, in a sentence; a change of it counts as an update of the condition. */
  summary: string;
}

/** The facts of one system that conditions are derived from. */
export interface ConditionFacts {
  system: SystemRecord;
  backup?: BackupStatusRecord;
  /** The system's warning categories active within the quiet window, at or above the alert threshold. */
  warnings: WarningActivity[];
}

/** Thresholds of {@link observeConditions}. */
export interface ConditionRules {
  now: Date;
  /** Severities that raise conditions (the alert threshold and above). */
  severities: readonly CccWarningSeverity[];
  /** Days without a successful backup after which backups count as stale (as in backup assurance). */
  staleAfterDays: number;
  /** How long a device must have been unreachable before it is a condition; keeps one lost poll quiet. */
  unreachableAfterMinutes: number;
}

/** The severities from `min` up; throws a readable error for an unknown one. */
export function severitiesFrom(min: string | undefined, configKey = 'ccc.alerts.minSeverity'): CccWarningSeverity[] {
  const index = WARNING_SEVERITIES.indexOf((min ?? 'malfunction') as CccWarningSeverity);
  if (index < 0) throw new Error(`${configKey} must be one of ${WARNING_SEVERITIES.join(', ')}, not "${min}"`);
  return WARNING_SEVERITIES.slice(index);
}

/**
 * Key of a warning category's condition. Categories are free text from the
 * device, so the key holds a hash of it: short, and safe in a notification scope.
 */
export function warningConditionKey(category: string): string {
  return `warning:${createHash('sha256').update(category).digest('hex').slice(0, 16)}`;
}

/**
 * The conditions that hold for a system now. Only paired systems have any:
 * for the others the CCC neither polls nor reads backups, so nothing it
 * knows of them is current.
 */
export function observeConditions(facts: ConditionFacts, rules: ConditionRules): ObservedCondition[] {
  const { system } = facts;
  if (!system.credentialsSealed) return [];
  const found: ObservedCondition[] = [];

  const since = system.lastSeenAt ?? system.firstRegisteredAt ?? system.createdAt;
  const unreachableMs = rules.now.getTime() - Date.parse(since);
  if (
    system.state === 'error' &&
    system.stateReason === 'unreachable' &&
    unreachableMs >= rules.unreachableAfterMinutes * 60_000
  ) {
    found.push({
      key: 'device_unreachable',
      kind: 'device_unreachable',
      severity: 'serious',
      title: 'Device unreachable',
      summary: system.lastSeenAt
        ? `The CCC has not reached the device since ${system.lastSeenAt}.`
        : 'The CCC has not reached the device since it was paired.',
    });
  }

  const assurance = assessBackups(facts.backup, rules.now, rules.staleAfterDays);
  if (assurance.status === 'failed') {
    found.push({
      key: 'backup_failed',
      kind: 'backup_failed',
      severity: 'serious',
      title: 'Backup failed',
      summary: `The last backup failed at ${assurance.lastFailureAt}${
        assurance.lastFailureMessage ? `: ${assurance.lastFailureMessage}` : ''
      }.`,
    });
  } else if (assurance.status === 'stale') {
    found.push({
      key: 'backup_stale',
      kind: 'backup_stale',
      severity: 'malfunction',
      title: 'Backup out of date',
      summary: `The last successful backup is from ${assurance.lastSuccessAt}, more than ${rules.staleAfterDays} days ago.`,
    });
  }

  for (const w of facts.warnings) {
    found.push({
      key: warningConditionKey(w.category),
      kind: 'warning',
      severity: w.severity,
      title: `Warning: ${w.category}`,
      summary: `Latest at ${w.latestTs}: ${w.latestText}`,
    });
  }
  return found.filter(c => rules.severities.includes(c.severity));
}
