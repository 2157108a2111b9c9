import { CccWarningSeverity } from '@internal/plugin-ccc-common';
import type { AlertConditionKind } from '../alerts/conditions';

/** What the alert mails said of a condition's current raise. */
export type ConditionMailState = 'raised' | 'suppressed' | 'cleared';

/** An alert condition of a system as stored. */
export interface AlertConditionRecord {
  systemId: string;
  key: string;
  kind: AlertConditionKind;
  severity: CccWarningSeverity;
  title: string;
  summary: string;
  raisedAt: string;
  updatedAt: string;
  /** Null while the condition holds. */
  clearedAt: string | null;
  /** Grows with every raise and every change of severity, title or summary. */
  revision: number;
  mailState: ConditionMailState | null;
  /** When a raise of it last went out by mail (for the cooldown). */
  lastMailedAt: string | null;
  notifiedRevision: number | null;
  notifiedState: 'raised' | 'cleared' | null;
  notifiedAt: string | null;
}

/** Persistence of alert conditions and of what mail and notifications have told about them. */
export interface AlertConditionStore {
  /** Every condition of the given systems (all systems when omitted), held or cleared. */
  list(systemIds?: string[]): Promise<AlertConditionRecord[]>;
  insert(record: AlertConditionRecord): Promise<void>;
  /** Changes the given fields of one condition. */
  update(
    systemId: string,
    key: string,
    patch: Partial<Omit<AlertConditionRecord, 'systemId' | 'key' | 'kind'>>,
  ): Promise<void>;
  /**
   * Conditions of the given kinds whose news the mails have not told: raised
   * and not yet mailed (nor left out), or cleared after their raise was mailed.
   */
  pendingMail(kinds: readonly AlertConditionKind[], systemId?: string): Promise<AlertConditionRecord[]>;
  /**
   * Conditions whose notification is behind: held and not notified at their
   * current revision, or cleared after a raise was notified. Oldest change first.
   */
  pendingNotifications(limit: number): Promise<AlertConditionRecord[]>;
}
