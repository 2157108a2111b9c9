import { CccSystem } from '@internal/plugin-ccc-common';

/** Default of `ccc.maintenance.warnDays`: warn this many days before maintenance ends. */
export const DEFAULT_MAINTENANCE_WARN_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * Whole days until the system's maintenance ends, when that is fewer than
 * `warnDays`; otherwise null (no end date, inactive, or far enough away).
 * Counted like the backend's health check, so the banner and the score agree.
 * An end date already past while the device still reports maintenance as
 * active counts as 0 (ends today): the next status poll will tell.
 */
export function maintenanceEndsInDays(
  system: Pick<CccSystem, 'device'>,
  now: Date,
  warnDays: number,
): { days: number; validUntil: string } | null {
  const maintenance = system.device?.maintenance;
  if (!maintenance?.active || !maintenance.validUntil) return null;
  const end = Date.parse(maintenance.validUntil);
  if (Number.isNaN(end)) return null;
  const days = Math.floor((end - now.getTime()) / DAY_MS);
  return days < warnDays ? { days: Math.max(0, days), validUntil: maintenance.validUntil } : null;
}
