import { CccWarning, CccWarningSeverity, WARNING_SEVERITIES } from '@internal/plugin-ccc-common';
import { Knex } from 'knex';
import { AlertDelivery, NewWarning, WarningActivity, WarningQuery, WarningStore } from './WarningStore';

const WARNINGS_CURSOR = 'warnings';

/** {@link WarningStore} on knex (SQLite or PostgreSQL). */
export class DatabaseWarningStore implements WarningStore {
  constructor(private readonly knex: Knex) {}

  async addWarnings(systemId: string, warnings: NewWarning[], cursor: string, at: string): Promise<number> {
    // One transaction: the cursor only moves with the rows it covers, so a
    // crash in between repeats the read instead of losing warnings.
    return this.knex.transaction(async trx => {
      let added = 0;
      for (const w of warnings) {
        const inserted = await trx('system_warnings')
          .insert({
            system_id: systemId,
            device_message_id: w.deviceMessageId,
            ts: w.ts,
            severity: w.severity,
            category: w.category,
            text: w.text,
            collected_at: at,
          })
          .onConflict(['system_id', 'device_message_id'])
          .ignore()
          .returning('device_message_id');
        added += inserted.length;
      }
      await trx('device_cursors')
        .insert({ system_id: systemId, kind: WARNINGS_CURSOR, cursor, updated_at: at })
        .onConflict(['system_id', 'kind'])
        .merge();
      return added;
    });
  }

  async addCccWarning(systemId: string, warning: NewWarning, at: string): Promise<boolean> {
    if (warning.deviceMessageId >= 0) throw new RangeError('Warnings of the CCC itself have negative ids');
    const inserted = await this.knex('system_warnings')
      .insert({
        system_id: systemId,
        device_message_id: warning.deviceMessageId,
        ts: warning.ts,
        severity: warning.severity,
        category: warning.category,
        text: warning.text,
        collected_at: at,
      })
      .onConflict(['system_id', 'device_message_id'])
      .ignore()
      .returning('device_message_id');
    return inserted.length > 0;
  }

  async getCursor(systemId: string, kind: string) {
    const row = await this.knex('device_cursors').where({ system_id: systemId, kind }).first();
    return row?.cursor as string | undefined;
  }

  async listWarnings(query: WarningQuery) {
    const base = this.knex('system_warnings').where({ system_id: query.systemId });
    if (query.severities?.length) base.whereIn('severity', query.severities);
    if (query.text) {
      const pattern = `%${query.text.toLocaleLowerCase('de-DE').replace(/[\\%_]/g, c => `\\${c}`)}%`;
      base.where(b =>
        b.whereRaw("lower(text) like ? escape '\\'", [pattern]).orWhereRaw("lower(category) like ? escape '\\'", [pattern]),
      );
    }
    const [{ n }] = await base.clone().count({ n: '*' });
    const rows = await base
      .clone()
      .select('*')
      .orderBy(orderFor(this.knex, query.sort, query.order))
      .limit(query.limit)
      .offset(query.offset);
    return { items: rows.map(toWarning), totalCount: Number(n) };
  }

  async listUnmailed(systemId: string, severities: CccWarningSeverity[]) {
    const rows = await this.knex('system_warnings')
      .where({ system_id: systemId })
      .whereNull('mailed_at')
      .whereIn('severity', severities)
      .orderBy('device_message_id');
    return rows.map(toWarning);
  }

  async mailedSince(systemId: string, category: string, text: string, since: string) {
    const row = await this.knex('system_warnings')
      .where({ system_id: systemId, category, text })
      .where('mailed_at', '>=', since)
      .first();
    return Boolean(row);
  }

  async markMailed(systemId: string, deviceMessageIds: number[], at: string) {
    for (let i = 0; i < deviceMessageIds.length; i += 500) {
      await this.knex('system_warnings')
        .where({ system_id: systemId })
        .whereIn('device_message_id', deviceMessageIds.slice(i, i + 500))
        .update({ mailed_at: at });
    }
  }

  async systemsWithUnmailed(severities: CccWarningSeverity[]) {
    const rows = await this.knex('system_warnings')
      .distinct('system_id')
      .whereNull('mailed_at')
      .whereIn('severity', severities)
      .orderBy('system_id');
    return rows.map(r => r.system_id as string);
  }

  async recentActivity(since: string, severities: readonly CccWarningSeverity[]): Promise<WarningActivity[]> {
    if (severities.length === 0) return [];
    const recent = () =>
      this.knex('system_warnings').where('ts', '>=', since).whereIn('severity', [...severities]);
    const groups = await recent()
      .select(
        'system_id',
        'category',
        this.knex.raw('count(*) as n'),
        this.knex.raw('max(ts) as latest'),
        this.knex.raw(`max(${severityRank()}) as sev_rank`),
      )
      .groupBy('system_id', 'category');
    if (groups.length === 0) return [];
    // The text of each group's newest warning; on equal times the highest device id wins.
    const newest = await recent()
      .select('system_id', 'category', 'ts', 'text', 'device_message_id')
      .whereIn(
        ['system_id', 'category', 'ts'],
        recent().select('system_id', 'category').max('ts').groupBy('system_id', 'category'),
      )
      .orderBy('device_message_id');
    const texts = new Map<string, string>();
    for (const row of newest) texts.set(`${row.system_id}\u0000${row.category}`, row.text);
    return groups
      .map(g => ({
        systemId: g.system_id as string,
        category: g.category as string,
        severity: WARNING_SEVERITIES[Number(g.sev_rank)],
        count: Number(g.n),
        latestTs: g.latest as string,
        latestText: texts.get(`${g.system_id}\u0000${g.category}`) ?? '',
      }))
      .sort((a, b) => a.systemId.localeCompare(b.systemId) || a.category.localeCompare(b.category));
  }

  async recordDelivery(delivery: Omit<AlertDelivery, 'id'>) {
    await this.knex('alert_deliveries').insert({
      system_id: delivery.systemId,
      smtp_server_id: delivery.smtpServerId,
      at: delivery.at,
      status: delivery.status,
      warning_count: delivery.warningCount,
      suppressed_count: delivery.suppressedCount,
      recipient: delivery.recipient,
      subject: delivery.subject,
      error: delivery.error,
    });
  }

  async listDeliveries(systemId: string, limit: number): Promise<AlertDelivery[]> {
    const rows = await this.knex('alert_deliveries').where({ system_id: systemId }).orderBy('id', 'desc').limit(limit);
    return rows.map(row => ({
      id: Number(row.id),
      systemId: row.system_id,
      smtpServerId: row.smtp_server_id,
      at: row.at,
      status: row.status,
      warningCount: Number(row.warning_count),
      suppressedCount: Number(row.suppressed_count),
      recipient: row.recipient,
      subject: row.subject,
      error: row.error,
    }));
  }
}

// A severity's rank in WARNING_SEVERITIES, in SQL (the values are constants, not input).
function severityRank(): string {
  return `case severity ${WARNING_SEVERITIES.map((s, i) => `when '${s}' then ${i}`).join(' ')} else -1 end`;
}

// Severity sorts by rank, not alphabetically; ties by time then id for a stable page order.
function orderFor(knex: Knex, sort: WarningQuery['sort'], order: 'asc' | 'desc') {
  const rank = knex.raw(severityRank());
  const primary = sort === 'severity' ? rank : sort;
  return [
    { column: primary as string, order },
    { column: 'ts', order },
    { column: 'device_message_id', order },
  ];
}

function toWarning(row: Record<string, any>): CccWarning {
  return {
    id: Number(row.device_message_id),
    ts: row.ts,
    severity: row.severity,
    category: row.category,
    text: row.text,
    mailedAt: row.mailed_at,
  };
}
