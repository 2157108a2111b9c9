import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccDashboard, CccDependencyHealth, CccHealth, DEVICE_STATES } from '@internal/plugin-ccc-common';
import { cccTranslationRef } from '../../translation';
import { useDeviceStateLabel } from '../DeviceState';
import { errorMessage } from '../common/errors';
// The frontend's own version for support requests; a default import because webpack
// warns about named imports from JSON.
import packageJson from '../../../package.json';

/** One line of the status information: a label and its value; `indent` for the per-state counts. */
export interface StatusLine {
  label: string;
  value: string;
  indent?: boolean;
}

/** The backend health as the dashboard got it: still loading, failed, or the report. */
export interface HealthResult {
  loading: boolean;
  error?: unknown;
  value?: CccHealth;
}

/**
 * The status information of the dashboard as label/value lines, so the card
 * and the copied text show exactly the same (and in the same language).
 */
export function useStatusLines(dashboard: CccDashboard, health: HealthResult): StatusLine[] {
  const { t } = useTranslationRef(cccTranslationRef);
  const stateLabel = useDeviceStateLabel();

  const statusLabel = (status: CccHealth['status'] | CccDependencyHealth['status']) => {
    switch (status) {
      case 'ok':
        return t('backendStatus.status.ok');
      case 'degraded':
        return t('backendStatus.status.degraded');
      case 'not-configured':
        return t('backendStatus.status.notConfigured');
      default:
        return t('backendStatus.status.down');
    }
  };
  const dependency = (name: string, dep: CccDependencyHealth) =>
    t('dashboard.status.dependency', {
      name,
      // The probe's message says why a dependency is down; support needs exactly that.
      status: dep.message ? `${statusLabel(dep.status)} (${dep.message})` : statusLabel(dep.status),
    });

  let healthText: string = t('dashboard.status.healthChecking');
  if (health.error) {
    healthText = t('dashboard.status.healthError', {
      message: errorMessage(health.error),
    });
  } else if (health.value) {
    healthText = t('dashboard.status.healthDetails', {
      overall: statusLabel(health.value.status),
      dependencies: [
        dependency(t('backendStatus.database'), health.value.database),
        dependency(t('backendStatus.devices'), health.value.devices),
      ].join(', '),
    });
  } else if (!health.loading) {
    healthText = t('common.none');
  }

  const counts = DEVICE_STATES.flatMap(state => {
    const count = dashboard.systemsByState[state] ?? 0;
    return count > 0 ? [{ label: stateLabel(state), value: String(count), indent: true }] : [];
  });
  const total = DEVICE_STATES.reduce((sum, state) => sum + (dashboard.systemsByState[state] ?? 0), 0);

  return [
    { label: t('dashboard.status.serverVersion'), value: dashboard.version },
    { label: t('dashboard.status.runtime'), value: dashboard.runtime },
    {
      label: t('dashboard.status.frontendVersion'),
      value: packageJson.version,
    },
    { label: t('dashboard.status.health'), value: healthText },
    { label: t('dashboard.status.systems'), value: String(total) },
    ...counts,
  ];
}

/** The status information as plain text for a support request: a title line, then one line per entry. */
export function statusText(title: string, lines: StatusLine[]): string {
  return [title, ...lines.map(line => `${line.indent ? '  ' : ''}${line.label}: ${line.value}`)].join('\n');
}
