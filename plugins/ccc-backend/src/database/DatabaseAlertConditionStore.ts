import { Knex } from 'knex';
import type { AlertConditionKind } from '../alerts/conditions';
import { AlertConditionRecord, AlertConditionStore } from './AlertConditionStore';

const COLUMNS: Record<Exclude<keyof AlertConditionRecord, 'systemId' | 'key'>, string> = {
  kind: 'kind',
  severity: 'severity',
  title: 'title',
  summary: 'summary',
  raisedAt: 'raised_at',
  updatedAt: 'updated_at',
  clearedAt: 'cleared_at',
  revision: 'revision',
  mailState: 'mail_state',
  lastMailedAt: 'last_mailed_at',
  notifiedRevision: 'notified_revision',
  notifiedState: 'notified_state',
  notifiedAt: 'notified_at',
};

/** {@link AlertConditionStore} on knex (SQLite or PostgreSQL). */
export class DatabaseAlertConditionStore implements AlertConditionStore {
  constructor(private readonly knex: Knex) {}

  async list(systemIds?: string[]) {
    const query = this.knex('alert_conditions').orderBy(['system_id', 'condition_key']);
    if (systemIds) {
      if (systemIds.length === 0) return [];
      // Chunked: a fleet is larger than the bind-parameter limits of some databases.
      const rows = [];
      for (let i = 0; i < systemIds.length; i += 500) {
        rows.push(...(await query.clone().whereIn('system_id', systemIds.slice(i, i + 500))));
      }
      return rows.map(toRecord);
    }
    return (await query).map(toRecord);
  }

  async insert(record: AlertConditionRecord) {
    await this.knex('alert_conditions').insert({
      system_id: record.systemId,
      condition_key: record.key,
      ...toColumns(record),
    });
  }

  async update(systemId: string, key: string, patch: Partial<Omit<AlertConditionRecord, 'systemId' | 'key' | 'kind'>>) {
    const columns = toColumns(patch);
    if (Object.keys(columns).length === 0) return;
    await this.knex('alert_conditions').where({ system_id: systemId, condition_key: key }).update(columns);
  }

  async pendingMail(kinds: readonly AlertConditionKind[], systemId?: string) {
    if (kinds.length === 0) return [];
    const query = this.knex('alert_conditions')
      .whereIn('kind', [...kinds])
      .where(q =>
        q
          .where(held => held.whereNull('cleared_at').whereNull('mail_state'))
          .orWhere(cleared => cleared.whereNotNull('cleared_at').where('mail_state', 'raised')),
      )
      .orderBy(['system_id', 'raised_at', 'condition_key']);
    if (systemId) query.where({ system_id: systemId });
    return (await query).map(toRecord);
  }

  async pendingNotifications(limit: number) {
    const rows = await this.knex('alert_conditions')
      .where(q =>
        q
          .where(held =>
            held
              .whereNull('cleared_at')
              .where(behind =>
                behind
                  .whereNull('notified_revision')
                  .orWhereRaw('notified_revision <> revision')
                  .orWhereNot('notified_state', 'raised'),
              ),
          )
          .orWhere(cleared => cleared.whereNotNull('cleared_at').where('notified_state', 'raised')),
      )
      .orderBy(['updated_at', 'system_id', 'condition_key'])
      .limit(limit);
    return rows.map(toRecord);
  }
}

function toColumns(patch: Partial<AlertConditionRecord>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = patch[field as keyof typeof COLUMNS];
    if (value !== undefined) columns[column] = value;
  }
  return columns;
}

function toRecord(row: Record<string, any>): AlertConditionRecord {
  return {
    systemId: row.system_id,
    key: row.condition_key,
    kind: row.kind,
    severity: row.severity,
    title: row.title,
    summary: row.summary,
    raisedAt: row.raised_at,
    updatedAt: row.updated_at,
    clearedAt: row.cleared_at ?? null,
    revision: Number(row.revision),
    mailState: row.mail_state ?? null,
    lastMailedAt: row.last_mailed_at ?? null,
    notifiedRevision: row.notified_revision === null || row.notified_revision === undefined ? null : Number(row.notified_revision),
    notifiedState: row.notified_state ?? null,
    notifiedAt: row.notified_at ?? null,
  };
}
