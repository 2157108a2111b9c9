import { CccWarning, CccWarningSeverity } from '@internal/plugin-ccc-common';

/** A warning to store, as read from the device. */
export interface NewWarning {
  deviceMessageId: number;
  ts: string;
  severity: CccWarningSeverity;
  category: string;
  text: string;
}

/** A stored alert mail attempt. */
export interface AlertDelivery {
  id: number;
  systemId: string;
  smtpServerId: string | null;
  at: string;
  status: 'sent' | 'failed' | 'no_server' | 'suppressed';
  warningCount: number;
  suppressedCount: number;
  recipient: string | null;
  subject: string | null;
  error: string | null;
}

/** What a system's warnings of one category did within a time window (for alert conditions). */
export interface WarningActivity {
  systemId: string;
  category: string;
  /** The highest severity among them. */
  severity: CccWarningSeverity;
  count: number;
  latestTs: string;
  latestText: string;
}

/** Query of the warnings tab. */
export interface WarningQuery {
  systemId: string;
  severities?: CccWarningSeverity[];
  /** Case-insensitive text filter on text and category. */
  text?: string;
  sort: 'ts' | 'severity' | 'text';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** Persistence of collected warnings, collection cursors and alert mails. */
export interface WarningStore {
  /** Stores new warnings and moves the cursor in one go; repeated ids are ignored. Returns how many were new. */
  addWarnings(systemId: string, warnings: NewWarning[], cursor: string, at: string): Promise<number>;
  /**
   * Stores a warning the CCC raises itself about a system (e.g. call data lost); its `deviceMessageId` must be
   * negative so it never meets a device's message id. An existing one with the same id is left alone.
   */
  addCccWarning(systemId: string, warning: NewWarning, at: string): Promise<boolean>;
  /** The collection cursor of a kind of device data. */
  getCursor(systemId: string, kind: string): Promise<string | undefined>;
  /** One page of warnings and the total matching the filter. */
  listWarnings(query: WarningQuery): Promise<{ items: CccWarning[]; totalCount: number }>;
  /** Warnings not yet mailed, at or above the given severities, oldest first. */
  listUnmailed(systemId: string, severities: CccWarningSeverity[]): Promise<CccWarning[]>;
  /** Whether a warning with this category and text was mailed after `since` (cooldown). */
  mailedSince(systemId: string, category: string, text: string, since: string): Promise<boolean>;
  /** Marks warnings as handled by a mail attempt. */
  markMailed(systemId: string, deviceMessageIds: number[], at: string): Promise<void>;
  /** Systems with unmailed warnings. */
  systemsWithUnmailed(severities: CccWarningSeverity[]): Promise<string[]>;
  /** Per system and category, the warnings at the given severities with a device time from `since` on. */
  recentActivity(since: string, severities: readonly CccWarningSeverity[]): Promise<WarningActivity[]>;
  recordDelivery(delivery: Omit<AlertDelivery, 'id'>): Promise<void>;
  listDeliveries(systemId: string, limit: number): Promise<AlertDelivery[]>;
}
