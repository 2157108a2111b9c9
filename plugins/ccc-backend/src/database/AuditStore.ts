import { CccAuditEvent } from '@internal/plugin-ccc-common';

/** Persistence of the audit trail (append-only). */
export interface AuditStore {
  /** Appends an event; call it in the transaction of the change it records. */
  append(event: Omit<CccAuditEvent, 'id'>): Promise<void>;
  /** Newest first; `systemId` narrows to one system, `before` pages backwards. */
  list(query: { systemId?: string; limit: number; before?: number }): Promise<CccAuditEvent[]>;
}
