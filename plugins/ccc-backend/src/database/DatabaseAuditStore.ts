import { CccAuditEvent } from '@internal/plugin-ccc-common';
import { Knex } from 'knex';
import { AuditStore } from './AuditStore';

/** {@link AuditStore} on knex (SQLite or PostgreSQL). */
export class DatabaseAuditStore implements AuditStore {
  constructor(private readonly knex: Knex) {}

  async append(event: Omit<CccAuditEvent, 'id'>): Promise<void> {
    await this.knex('audit_events').insert({
      at: event.at,
      actor_ref: event.actorRef,
      action: event.action,
      system_id: event.systemId,
      group_id: event.groupId,
      details: JSON.stringify(event.details),
    });
  }

  async list(query: { systemId?: string; limit: number; before?: number }): Promise<CccAuditEvent[]> {
    const q = this.knex('audit_events').orderBy('id', 'desc').limit(query.limit);
    if (query.systemId) q.where({ system_id: query.systemId });
    if (query.before) q.where('id', '<', query.before);
    const rows = await q;
    return rows.map(row => ({
      id: Number(row.id),
      at: row.at,
      actorRef: row.actor_ref,
      action: row.action,
      systemId: row.system_id,
      groupId: row.group_id,
      details: JSON.parse(row.details),
    }));
  }
}
