import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationPayload, NotificationSeverity } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { CccWarningSeverity, entityNameForSerialNumber, systemEntityRef } from '@internal/plugin-ccc-common';
import { AlertConditionRecord } from '../database/AlertConditionStore';
import { CccDatabase } from '../database/CccDatabase';
import { SystemRecord } from '../database/SystemStore';
import { AlertConditionKind } from './conditions';

/** Options for {@link AlertNotifier}. */
export interface AlertNotifierOptions {
  db: CccDatabase;
  notifications: NotificationService;
  logger: LoggerService;
  /** At most this many notifications per run; the rest follow in the next. Default 500. */
  batchSize?: number;
  now?: () => Date;
}

/** Topic of the CCC's notifications; users can mute it in their notification settings. */
export const ALERT_NOTIFICATION_TOPIC = 'COMtrexx alerts';

const SEVERITIES: Record<CccWarningSeverity, NotificationSeverity> = {
  info: 'low',
  malfunction: 'normal',
  serious: 'high',
  security: 'critical',
};

// The entity tab where the condition can be looked into.
const TABS: Record<AlertConditionKind, string> = {
  warning: 'ccc-warnings',
  backup_failed: 'ccc-backup',
  backup_stale: 'ccc-backup',
  device_unreachable: 'ccc',
};

/**
 * The scope of a condition's notification. The notifications backend updates
 * the notification of the same scope and origin instead of adding one, so a
 * condition has one notification per recipient however often it changes.
 */
export function alertNotificationScope(systemId: string, key: string): string {
  return `ccc-alert:${systemId}:${key}`;
}

/**
 * Sends alert conditions as Backstage notifications to the owners of the
 * system's catalog entity: one per condition, updated when it changes and
 * marked resolved when it clears. A failed send is logged and tried again on
 * the next run; it never stops the run.
 */
export class AlertNotifier {
  readonly #db: CccDatabase;
  readonly #notifications: NotificationService;
  readonly #logger: LoggerService;
  readonly #batchSize: number;
  readonly #now: () => Date;

  constructor(options: AlertNotifierOptions) {
    this.#db = options.db;
    this.#notifications = options.notifications;
    this.#logger = options.logger;
    this.#batchSize = options.batchSize ?? 500;
    this.#now = options.now ?? (() => new Date());
  }

  /** Sends every notification that is behind its condition; returns how many went out and how many failed. */
  async runOnce(): Promise<{ sent: number; failed: number }> {
    const pending = await this.#db.alertConditions.pendingNotifications(this.#batchSize);
    const systemIds = [...new Set(pending.map(c => c.systemId))];
    const systems = new Map(
      (await this.#db.systems.getMany(systemIds)).filter((s): s is SystemRecord => Boolean(s)).map(s => [s.id, s]),
    );
    let sent = 0;
    let failed = 0;
    for (const condition of pending) {
      const system = systems.get(condition.systemId);
      if (!system) continue; // Deleted meanwhile: its conditions go with it.
      const resolved = condition.clearedAt !== null;
      try {
        await this.#notifications.send({
          recipients: { type: 'entity', entityRef: systemEntityRef(system.serialNumber) },
          payload: toPayload(condition, system),
        });
      } catch (error) {
        failed++;
        // The service's message names the HTTP status or the connection error; it holds no token.
        this.#logger.warn(
          `Notification for ${condition.title} of COMtrexx ${system.serialNumber} not sent, tried again next run: ${
            (error as Error).message
          }`,
        );
        continue;
      }
      await this.#db.alertConditions.update(condition.systemId, condition.key, {
        notifiedRevision: condition.revision,
        notifiedState: resolved ? 'cleared' : 'raised',
        notifiedAt: this.#now().toISOString(),
      });
      sent++;
    }
    return { sent, failed };
  }
}

function toPayload(condition: AlertConditionRecord, system: SystemRecord): NotificationPayload {
  const link = `/catalog/default/resource/${entityNameForSerialNumber(system.serialNumber)}/${TABS[condition.kind]}`;
  const common = { link, topic: ALERT_NOTIFICATION_TOPIC, scope: alertNotificationScope(system.id, condition.key) };
  if (condition.clearedAt) {
    return {
      ...common,
      title: `Resolved: ${condition.title} on ${system.name}`,
      description: `No longer the case since ${condition.clearedAt} (COMtrexx ${system.serialNumber}). Was: ${condition.summary}`,
      severity: 'low',
    };
  }
  return {
    ...common,
    title: `${condition.title} on ${system.name}`,
    description: `${condition.summary} (COMtrexx ${system.serialNumber})`,
    severity: SEVERITIES[condition.severity],
  };
}
