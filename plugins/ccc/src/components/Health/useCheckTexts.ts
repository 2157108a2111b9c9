import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccScoreCheck, ScoreCheckStatus, StateReason } from '@internal/plugin-ccc-common';
import { useMemo } from 'react';
import { cccTranslationRef } from '../../translation';
import { useStateReasonText } from '../DeviceState/DeviceStateDisplay';
import { useDateFormat } from '../common/useDateFormat';

/** Names, outcomes and explanations of the health checks in the app's language. */
export interface CheckTexts {
  /** "Backup", "Provider accounts", … */
  name(check: CccScoreCheck): string;
  /** "OK", "Warning", "Problem", "Unknown". */
  status(status: ScoreCheckStatus): string;
  /** The outcome in words, from the check's facts; the backend's English message when the facts say too little. */
  explanation(check: CccScoreCheck): string;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

const NAME_KEYS = {
  reachable: 'health.checks.reachable',
  maintenance: 'health.checks.maintenance',
  firmware: 'health.checks.firmware',
  backup: 'health.checks.backup',
  trunks: 'health.checks.trunks',
  phones: 'health.checks.phones',
  smtp: 'health.checks.smtp',
  load: 'health.checks.load',
} as const;

const STATUS_KEYS = {
  pass: 'health.status.pass',
  warn: 'health.status.warn',
  fail: 'health.status.fail',
  unknown: 'health.status.unknown',
} as const;

/**
 * Turns the facts of a scorecard check into a sentence. The backend's
 * `message` is English only; the facts (`daysLeft`, `total`, …) let every
 * language say the same with its own words.
 */
export function useCheckTexts(): CheckTexts {
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  const reasonText = useStateReasonText();

  return useMemo(() => {
    const explain = (check: CccScoreCheck): string | null => {
      const { facts, status } = check;
      if (status === 'unknown') {
        if (check.id === 'reachable') return t('health.explain.reachableNotPaired');
        if (check.id === 'trunks') return t('health.explain.trunksUnknown');
        if (check.id === 'phones') return t('health.explain.phonesUnknown');
        if (check.id === 'load') return t('health.explain.loadUnknown');
        return t('health.explain.notReadYet');
      }
      switch (check.id) {
        case 'reachable': {
          if (status === 'pass') return t('health.explain.reachableOk');
          if (facts.reason === 'rebooting') return t('health.explain.reachableRebooting');
          if (status === 'fail') {
            const reason = str(facts.reason);
            const text = reason ? reasonText({ stateReason: reason as StateReason, stateMessage: null }) : null;
            return text ? t('health.explain.reachableError', { reason: text }) : null;
          }
          const minutes = num(facts.minutesSinceSeen);
          return minutes === null
            ? t('health.explain.reachableNeverSeen')
            : t('health.explain.reachableStale', { count: minutes });
        }
        case 'maintenance': {
          if (status === 'fail') return t('health.explain.maintenanceInactive');
          const days = num(facts.daysLeft);
          const date = format.date(str(facts.validUntil));
          if (status === 'warn' && days !== null && date) {
            return t('health.explain.maintenanceEnding', { count: Math.max(0, days), date });
          }
          return date ? t('health.explain.maintenanceUntil', { date }) : t('health.explain.maintenanceActive');
        }
        case 'firmware': {
          const version = str(facts.version);
          if (!version) return null;
          return status === 'fail'
            ? t('health.explain.firmwareTooOld', { version, minimum: str(facts.minimum) ?? '' })
            : t('health.explain.firmwareOk', { version });
        }
        case 'backup': {
          const lastSuccess = format.dateTime(str(facts.lastSuccessAt));
          const lastFailure = format.dateTime(str(facts.lastFailureAt));
          switch (facts.status) {
            case 'ok':
              return lastSuccess ? t('health.explain.backupOk', { date: lastSuccess }) : null;
            case 'stale':
              return lastSuccess ? t('health.explain.backupStale', { date: lastSuccess }) : null;
            case 'never':
              return t('health.explain.backupNever');
            case 'not_configured':
              return t('health.explain.backupNotConfigured');
            case 'failed':
              return lastFailure ? t('health.explain.backupFailed', { date: lastFailure }) : null;
            default:
              return null;
          }
        }
        case 'trunks': {
          const total = num(facts.total);
          if (total === null) return null;
          if (status === 'pass') return t('health.explain.trunksOk', { total: String(total) });
          const notRegistered = num(facts.notRegistered) ?? 0;
          if (notRegistered > 0) {
            return t('health.explain.trunksNotRegistered', { count: notRegistered, total: String(total) });
          }
          return t('health.explain.trunksUnencrypted', { count: num(facts.unencrypted) ?? 0, total: String(total) });
        }
        case 'phones': {
          const total = num(facts.total);
          const ok = num(facts.ok);
          if (total === null || ok === null) return null;
          return status === 'pass'
            ? t('health.explain.phonesOk', { ok: String(ok), total: String(total) })
            : t('health.explain.phonesNotWorking', { count: total - ok, total: String(total) });
        }
        case 'smtp':
          if (status !== 'pass') return t('health.explain.smtpNone');
          return facts.assigned ? t('health.explain.smtpOwn') : t('health.explain.smtpDefault');
        case 'load': {
          const cpu = String(num(facts.cpuAvg) ?? '?');
          const memory = String(num(facts.memPercent) ?? '?');
          return status === 'pass'
            ? t('health.explain.loadOk', { cpu, memory })
            : t('health.explain.loadHigh', { cpu, cpuMax: String(num(facts.cpuMax) ?? '?'), memory });
        }
        default:
          return null;
      }
    };

    return {
      name: check => (check.id in NAME_KEYS ? t(NAME_KEYS[check.id]) : check.id),
      status: status => t(STATUS_KEYS[status] ?? 'health.status.unknown'),
      explanation: check => explain(check) ?? check.message,
    };
  }, [t, format, reasonText]);
}
