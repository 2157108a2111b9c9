import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { CccDatabase } from '../database/CccDatabase';
import { AlertMailer } from '../warnings/AlertMailer';
import { AlertConditionTracker } from './AlertConditionTracker';
import { AlertNotifier } from './AlertNotifier';
import { AlertRun } from './AlertRun';

/**
 * The alert run as the configuration asks for it. Notifications go out only
 * with `ccc.notifications.enabled`; without it the notification service is
 * never called, so the CCC runs as well where the notifications plugin is not
 * installed (the service's default factory only needs auth and discovery).
 */
export function createAlertRun(options: {
  config: Config;
  db: CccDatabase;
  mailer: AlertMailer;
  notifications: NotificationService;
  logger: LoggerService;
}): AlertRun {
  const { config, db, logger } = options;
  const tracker = new AlertConditionTracker({
    db,
    logger,
    minSeverity: config.getOptionalString('ccc.alerts.minSeverity'),
    staleAfterDays: config.getOptionalNumber('ccc.backups.staleAfterDays'),
    warningQuietHours: config.getOptionalNumber('ccc.alerts.cooldownHours'),
    unreachableAfterMinutes: config.getOptionalNumber('ccc.alerts.unreachableAfterMinutes'),
  });
  const notifier = config.getOptionalBoolean('ccc.notifications.enabled')
    ? new AlertNotifier({ db, notifications: options.notifications, logger })
    : undefined;
  return new AlertRun({ tracker, mailer: options.mailer, notifier, logger });
}
