import { LoggerService } from '@backstage/backend-plugin-api';
import { CccWarning, CccWarningSeverity } from '@internal/plugin-ccc-common';
import { AlertConditionKind, severitiesFrom } from '../alerts/conditions';
import { AlertConditionRecord } from '../database/AlertConditionStore';
import { CccDatabase, CccStores } from '../database/CccDatabase';
import { MailDeliveryError, SmtpMailer } from '../smtp/SmtpMailer';
import { SmtpService } from '../smtp/SmtpService';

/** Options for {@link AlertMailer}. */
export interface AlertMailerOptions {
  db: CccDatabase;
  smtp: SmtpService;
  mailer: SmtpMailer;
  logger: LoggerService;
  /** Lowest severity that is mailed; default malfunction. */
  minSeverity?: CccWarningSeverity;
  /** The same category and text is not mailed again within this many hours; default 6. */
  cooldownHours?: number;
  now?: () => Date;
}

const LABELS: Record<CccWarningSeverity, string> = {
  info: 'Information',
  malfunction: 'Malfunction',
  serious: 'Serious malfunction',
  security: 'Security warning',
};

/**
 * Conditions mailed as such. Warnings go out one by one from the warnings
 * table, with their device text; their conditions are for notifications.
 */
const MAILED_CONDITION_KINDS: readonly AlertConditionKind[] = ['backup_failed', 'backup_stale', 'device_unreachable'];

/**
 * Mails new warnings and alert conditions (raised or resolved): one mail per
 * system per run (the run's schedule is the grouping interval), through the
 * system's SMTP server or the default one.
 * A warning whose category and text went out within the cooldown is left
 * out and counted, and so is a condition raised again within the cooldown of
 * its last mail (and then its resolution too), so a flapping device does not
 * flood the inbox. Every attempt is recorded; a failed mail is tried again on
 * the next run.
 */
export class AlertMailer {
  readonly #db: CccDatabase;
  readonly #smtp: SmtpService;
  readonly #mailer: SmtpMailer;
  readonly #logger: LoggerService;
  readonly #severities: CccWarningSeverity[];
  readonly #cooldownMs: number;
  readonly #now: () => Date;

  constructor(options: AlertMailerOptions) {
    this.#db = options.db;
    this.#smtp = options.smtp;
    this.#mailer = options.mailer;
    this.#logger = options.logger;
    this.#severities = severitiesFrom(options.minSeverity);
    this.#cooldownMs = (options.cooldownHours ?? 6) * 3_600_000;
    this.#now = options.now ?? (() => new Date());
  }

  /** Mails every system that has new warnings at or above the threshold, or condition news. */
  async runOnce(): Promise<void> {
    const systemIds = new Set(await this.#db.warnings.systemsWithUnmailed(this.#severities));
    for (const c of await this.#db.alertConditions.pendingMail(MAILED_CONDITION_KINDS)) systemIds.add(c.systemId);
    for (const systemId of [...systemIds].sort()) {
      try {
        await this.mailSystem(systemId);
      } catch (error) {
        this.#logger.warn(`Alert mail for system ${systemId} failed: ${(error as Error).message}`);
      }
    }
  }

  /** Mails one system's new warnings and condition news now. */
  async mailSystem(systemId: string): Promise<void> {
    const system = await this.#db.systems.get(systemId);
    const warnings = await this.#db.warnings.listUnmailed(systemId, this.#severities);
    const conditions = await this.#db.alertConditions.pendingMail(MAILED_CONDITION_KINDS, systemId);
    if (!system || (warnings.length === 0 && conditions.length === 0)) return;
    const now = this.#now();
    const at = now.toISOString();
    const since = new Date(now.getTime() - this.#cooldownMs).toISOString();

    const fresh: CccWarning[] = [];
    const seen = new Set<string>();
    for (const w of warnings) {
      const key = `${w.category}\u0000${w.text}`;
      if (seen.has(key) || (await this.#db.warnings.mailedSince(systemId, w.category, w.text, since))) continue;
      seen.add(key);
      fresh.push(w);
    }
    const raised: AlertConditionRecord[] = [];
    const resolved: AlertConditionRecord[] = [];
    const repeated: AlertConditionRecord[] = [];
    for (const c of conditions) {
      if (c.clearedAt) resolved.push(c);
      else if (c.lastMailedAt && c.lastMailedAt >= since) repeated.push(c);
      else raised.push(c);
    }
    const ids = warnings.map(w => w.id);
    const suppressedCount = warnings.length - fresh.length + repeated.length;
    // warningCount counts every item of the mail: warnings, raised and resolved conditions.
    const itemCount = fresh.length + raised.length + resolved.length;
    const base = { systemId, at, warningCount: itemCount, suppressedCount };
    // Marks what this run handled, in the transaction of its delivery record.
    const markHandled = async (tx: CccStores, mailed: boolean) => {
      await tx.warnings.markMailed(systemId, ids, at);
      for (const c of repeated) await tx.alertConditions.update(systemId, c.key, { mailState: 'suppressed' });
      for (const c of raised) {
        await tx.alertConditions.update(systemId, c.key, { mailState: 'raised', ...(mailed ? { lastMailedAt: at } : {}) });
      }
      for (const c of resolved) await tx.alertConditions.update(systemId, c.key, { mailState: 'cleared' });
    };

    if (itemCount === 0) {
      await this.#db.transaction(async tx => {
        await markHandled(tx, false);
        await tx.warnings.recordDelivery({ ...base, status: 'suppressed', smtpServerId: null, recipient: null, subject: null, error: null });
      });
      return;
    }

    const server = await this.#smtp.effectiveServer(systemId);
    if (!server) {
      // Nowhere to send: recorded once for these items, not retried every run.
      await this.#db.transaction(async tx => {
        await markHandled(tx, false);
        await tx.warnings.recordDelivery({
          ...base,
          status: 'no_server',
          smtpServerId: null,
          recipient: null,
          subject: null,
          error: 'No SMTP server is assigned to this system and there is no default server',
        });
      });
      return;
    }

    const subject = `COMtrexx ${system.name} (${system.serialNumber}): ${describeCounts(fresh.length, raised.length, resolved.length)}`;
    const lines = [
      ...raised.map(c => `${c.raisedAt}  ${LABELS[c.severity]}  ${c.title}: ${c.summary}`),
      ...resolved.map(c => `${c.clearedAt}  Resolved  ${c.title}: no longer the case (was: ${c.summary})`),
      ...fresh.map(w => `${w.ts}  ${LABELS[w.severity]}  ${w.category}: ${w.text}`),
    ];
    if (suppressedCount > 0) {
      lines.push('', `${suppressedCount} repeated warning(s) or alert(s) left out: they were mailed within the last ${this.#cooldownMs / 3_600_000} hours.`);
    }
    const recorded = { ...base, smtpServerId: server.id, recipient: server.recipient, subject };
    try {
      await this.#mailer.send(server, { subject, text: lines.join('\n') });
    } catch (error) {
      if (!(error instanceof MailDeliveryError)) throw error;
      // Not marked as mailed: the next run tries again.
      await this.#db.warnings.recordDelivery({ ...recorded, status: 'failed', error: error.message });
      return;
    }
    await this.#db.transaction(async tx => {
      await markHandled(tx, true);
      await tx.warnings.recordDelivery({ ...recorded, status: 'sent', error: null });
    });
  }
}

// "2 new warnings", "1 alert, 1 resolved", ...: what the mail holds, for its subject.
function describeCounts(warnings: number, alerts: number, resolved: number): string {
  const parts: string[] = [];
  if (warnings > 0) parts.push(`${warnings} new warning${warnings === 1 ? '' : 's'}`);
  if (alerts > 0) parts.push(`${alerts} alert${alerts === 1 ? '' : 's'}`);
  if (resolved > 0) parts.push(`${resolved} resolved`);
  return parts.join(', ');
}
