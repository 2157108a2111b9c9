import { LoggerService } from '@backstage/backend-plugin-api';
import { CccWarningSeverity } from '@internal/plugin-ccc-common';
import { AlertConditionRecord } from '../database/AlertConditionStore';
import { CccDatabase, CccStores } from '../database/CccDatabase';
import { ObservedCondition, observeConditions, severitiesFrom } from './conditions';

/** Options for {@link AlertConditionTracker}. */
export interface AlertConditionTrackerOptions {
  db: CccDatabase;
  logger: LoggerService;
  /** Lowest severity that raises a condition (`ccc.alerts.minSeverity`); default malfunction. */
  minSeverity?: string;
  /** As backup assurance (`ccc.backups.staleAfterDays`); default 7. */
  staleAfterDays?: number;
  /**
   * A warning category's condition clears when no warning of it came for
   * this many hours; default 6, the mail cooldown.
   */
  warningQuietHours?: number;
  /** How long a device must be unreachable before it is a condition; default 5 minutes. */
  unreachableAfterMinutes?: number;
  now?: () => Date;
}

/** What one evaluation changed. */
export interface ConditionChanges {
  raised: number;
  updated: number;
  cleared: number;
}

/**
 * Raises, updates and clears the alert conditions of every system from what
 * the CCC has stored: the status poll's device state, the backup status that
 * backup assurance reads, and the collected warnings. It runs at the start of
 * each alert run, so the mails and the notifications of that run see the
 * same conditions.
 */
export class AlertConditionTracker {
  readonly #db: CccDatabase;
  readonly #logger: LoggerService;
  readonly #severities: CccWarningSeverity[];
  readonly #staleAfterDays: number;
  readonly #quietMs: number;
  readonly #unreachableAfterMinutes: number;
  readonly #now: () => Date;

  constructor(options: AlertConditionTrackerOptions) {
    this.#db = options.db;
    this.#logger = options.logger;
    this.#severities = severitiesFrom(options.minSeverity);
    this.#staleAfterDays = options.staleAfterDays ?? 7;
    this.#quietMs = (options.warningQuietHours ?? 6) * 3_600_000;
    this.#unreachableAfterMinutes = options.unreachableAfterMinutes ?? 5;
    this.#now = options.now ?? (() => new Date());
  }

  /** Brings every system's conditions up to date with the stored facts. */
  async evaluateAll(): Promise<ConditionChanges> {
    const now = this.#now();
    const systems = await this.#db.systems.list();
    const ids = systems.map(s => s.id);
    const [backups, activity, stored] = await Promise.all([
      this.#db.backups.getStatuses(ids),
      this.#db.warnings.recentActivity(new Date(now.getTime() - this.#quietMs).toISOString(), this.#severities),
      this.#db.alertConditions.list(),
    ]);
    const warningsBySystem = groupBy(activity, a => a.systemId);
    const storedBySystem = groupBy(stored, c => c.systemId);
    const total: ConditionChanges = { raised: 0, updated: 0, cleared: 0 };
    for (const system of systems) {
      const observed = observeConditions(
        { system, backup: backups.get(system.id), warnings: warningsBySystem.get(system.id) ?? [] },
        {
          now,
          severities: this.#severities,
          staleAfterDays: this.#staleAfterDays,
          unreachableAfterMinutes: this.#unreachableAfterMinutes,
        },
      );
      try {
        const changes = await this.#apply(system.id, observed, storedBySystem.get(system.id) ?? [], now.toISOString());
        total.raised += changes.raised;
        total.updated += changes.updated;
        total.cleared += changes.cleared;
      } catch (error) {
        // Deleted meanwhile (its rows cascade away) or a database hiccup: the next run catches up.
        this.#logger.warn(`Alert conditions of system ${system.id} not updated: ${(error as Error).message}`);
      }
    }
    return total;
  }

  // One transaction per system that changed: its conditions change together. Most runs change
  // nothing, and then nothing is written.
  async #apply(systemId: string, observed: ObservedCondition[], stored: AlertConditionRecord[], at: string) {
    const changes: ConditionChanges = { raised: 0, updated: 0, cleared: 0 };
    const writes: Array<(tx: CccStores) => Promise<void>> = [];
    const byKey = new Map(stored.map(c => [c.key, c]));
    const seen = new Set(observed.map(o => o.key));
    for (const o of observed) {
      const existing = byKey.get(o.key);
      const content = { severity: o.severity, title: o.title, summary: o.summary };
      if (!existing) {
        const record: AlertConditionRecord = {
          systemId,
          key: o.key,
          kind: o.kind,
          ...content,
          raisedAt: at,
          updatedAt: at,
          clearedAt: null,
          revision: 1,
          mailState: null,
          lastMailedAt: null,
          notifiedRevision: null,
          notifiedState: null,
          notifiedAt: null,
        };
        writes.push(tx => tx.alertConditions.insert(record));
        changes.raised++;
      } else if (existing.clearedAt) {
        // Back again: a new raise of the same condition, so mail and notification tell it anew.
        const patch = { ...content, raisedAt: at, updatedAt: at, clearedAt: null, revision: existing.revision + 1, mailState: null };
        writes.push(tx => tx.alertConditions.update(systemId, o.key, patch));
        changes.raised++;
      } else if (existing.severity !== o.severity || existing.title !== o.title || existing.summary !== o.summary) {
        const patch = { ...content, updatedAt: at, revision: existing.revision + 1 };
        writes.push(tx => tx.alertConditions.update(systemId, o.key, patch));
        changes.updated++;
      }
    }
    for (const existing of stored) {
      if (existing.clearedAt || seen.has(existing.key)) continue;
      writes.push(tx => tx.alertConditions.update(systemId, existing.key, { clearedAt: at, updatedAt: at }));
      changes.cleared++;
    }
    if (writes.length > 0) {
      await this.#db.transaction(async tx => {
        for (const write of writes) await write(tx);
      });
    }
    return changes;
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
