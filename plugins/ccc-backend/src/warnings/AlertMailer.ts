import { LoggerService } from '@backstage/backend-plugin-api';
import { CccWarning, CccWarningSeverity, WARNING_SEVERITIES } from '@internal/plugin-ccc-common';
import { CccDatabase } from '../database/CccDatabase';
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
 * Mails new warnings: one mail per system per run (the run's schedule is the
 * grouping interval), through the system's SMTP server or the default one.
 * A warning whose category and text went out within the cooldown is left
 * out and counted, so a flapping condition does not flood the inbox. Every
 * attempt is recorded; a failed mail is tried again on the next run.
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
    const min = WARNING_SEVERITIES.indexOf(options.minSeverity ?? 'malfunction');
    if (min < 0) {
      throw new Error(`ccc.alerts.minSeverity must be one of ${WARNING_SEVERITIES.join(', ')}, not "${options.minSeverity}"`);
    }
    this.#severities = WARNING_SEVERITIES.slice(min);
    this.#cooldownMs = (options.cooldownHours ?? 6) * 3_600_000;
    this.#now = options.now ?? (() => new Date());
  }

  /** Mails every system that has new warnings at or above the threshold. */
  async runOnce(): Promise<void> {
    for (const systemId of await this.#db.warnings.systemsWithUnmailed(this.#severities)) {
      try {
        await this.mailSystem(systemId);
      } catch (error) {
        this.#logger.warn(`Alert mail for system ${systemId} failed: ${(error as Error).message}`);
      }
    }
  }

  /** Mails one system's new warnings now. */
  async mailSystem(systemId: string): Promise<void> {
    const system = await this.#db.systems.get(systemId);
    const warnings = await this.#db.warnings.listUnmailed(systemId, this.#severities);
    if (!system || warnings.length === 0) return;
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
    const ids = warnings.map(w => w.id);
    const suppressedCount = warnings.length - fresh.length;
    const base = { systemId, at, warningCount: fresh.length, suppressedCount };

    if (fresh.length === 0) {
      await this.#db.transaction(async tx => {
        await tx.warnings.markMailed(systemId, ids, at);
        await tx.warnings.recordDelivery({ ...base, status: 'suppressed', smtpServerId: null, recipient: null, subject: null, error: null });
      });
      return;
    }

    const server = await this.#smtp.effectiveServer(systemId);
    if (!server) {
      // Nowhere to send: recorded once for these warnings, not retried every run.
      await this.#db.transaction(async tx => {
        await tx.warnings.markMailed(systemId, ids, at);
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

    const subject = `COMtrexx ${system.name} (${system.serialNumber}): ${fresh.length} new warning${fresh.length === 1 ? '' : 's'}`;
    const lines = fresh.map(w => `${w.ts}  ${LABELS[w.severity]}  ${w.category}: ${w.text}`);
    if (suppressedCount > 0) {
      lines.push('', `${suppressedCount} repeated warning(s) left out: they were mailed within the last ${this.#cooldownMs / 3_600_000} hours.`);
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
      await tx.warnings.markMailed(systemId, ids, at);
      await tx.warnings.recordDelivery({ ...recorded, status: 'sent', error: null });
    });
  }
}
