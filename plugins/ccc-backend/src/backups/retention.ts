import { CccBackup } from '@internal/plugin-ccc-common';

/** A retention rule; both null keeps everything. */
export interface RetentionRule {
  keepLast: number | null;
  keepDays: number | null;
}

/**
 * The backups a rule lets go. A backup stays when it is among the newest
 * `keepLast` or younger than `keepDays` (either suffices: with both set, the
 * more generous one wins). The newest backup always stays, whatever the
 * rule says: pruning must never leave a system without its last good backup.
 */
export function backupsToPrune(backups: CccBackup[], rule: RetentionRule, now: Date): CccBackup[] {
  if (rule.keepLast === null && rule.keepDays === null) return [];
  const newestFirst = [...backups].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const cutoff = rule.keepDays === null ? undefined : now.getTime() - rule.keepDays * 86_400_000;
  return newestFirst.filter((backup, index) => {
    if (index === 0) return false;
    const byCount = rule.keepLast !== null && index < rule.keepLast;
    const byAge = cutoff !== undefined && Date.parse(backup.createdAt) >= cutoff;
    return !byCount && !byAge;
  });
}
