import { CccBackupAssurance } from '@internal/plugin-ccc-common';
import { BackupStatusRecord } from '../database/BackupStore';

/**
 * Backup assurance of one system: failed when the last attempt failed after
 * the last success, stale when the last success is older than `staleAfterDays`.
 */
export function assessBackups(
  status: BackupStatusRecord | undefined,
  now: Date,
  staleAfterDays: number,
): CccBackupAssurance {
  if (!status) {
    return {
      status: 'unknown',
      lastSuccessAt: null,
      lastFailureAt: null,
      lastFailureMessage: null,
      nextRunAt: null,
      interval: null,
      checkedAt: null,
    };
  }
  const base = {
    lastSuccessAt: status.lastSuccessAt,
    lastFailureAt: status.lastFailureAt,
    lastFailureMessage: status.lastFailureMessage,
    nextRunAt: status.nextRunAt,
    interval: status.interval,
    checkedAt: status.checkedAt,
  };
  if (!status.configured) return { ...base, status: 'not_configured' };
  if (status.lastFailureAt && (!status.lastSuccessAt || status.lastFailureAt > status.lastSuccessAt)) {
    return { ...base, status: 'failed' };
  }
  if (!status.lastSuccessAt) return { ...base, status: 'never' };
  const ageMs = now.getTime() - Date.parse(status.lastSuccessAt);
  return { ...base, status: ageMs > staleAfterDays * 86_400_000 ? 'stale' : 'ok' };
}
