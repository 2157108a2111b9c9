import { Knex } from 'knex';
import { SmtpServerRecord, SmtpStore } from './SmtpStore';

const COLUMNS: Record<keyof SmtpServerRecord, string> = {
  id: 'id',
  name: 'name',
  host: 'host',
  port: 'port',
  username: 'username',
  passwordSealed: 'password_sealed',
  sender: 'sender',
  recipient: 'recipient',
  noTls: 'no_tls',
  isDefault: 'is_default',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** {@link SmtpStore} on knex (SQLite or PostgreSQL). */
export class DatabaseSmtpStore implements SmtpStore {
  constructor(private readonly knex: Knex) {}

  async list() {
    const assigned = this.knex('system_smtp')
      .count({ n: '*' })
      .whereRaw('system_smtp.smtp_server_id = smtp_servers.id');
    const rows = await this.knex('smtp_servers')
      .select('smtp_servers.*', this.knex.raw('(?) as assigned_count', [assigned]))
      .orderBy([{ column: 'name' }, { column: 'id' }]);
    const unassigned = await this.countUnassignedSystems();
    return rows.map(row => {
      const server = fromRow(row);
      return { ...server, systemCount: Number(row.assigned_count) + (server.isDefault ? unassigned : 0) };
    });
  }

  async get(id: string) {
    const row = await this.knex('smtp_servers').where({ id }).first();
    return row ? fromRow(row) : undefined;
  }

  async getDefault() {
    const row = await this.knex('smtp_servers').where({ is_default: true }).first();
    return row ? fromRow(row) : undefined;
  }

  async insert(record: SmtpServerRecord) {
    await this.knex('smtp_servers').insert(toRow(record));
  }

  async update(id: string, patch: Partial<Omit<SmtpServerRecord, 'id' | 'createdAt'>>) {
    const row = toRow(patch);
    if (Object.keys(row).length > 0) await this.knex('smtp_servers').where({ id }).update(row);
  }

  async setDefault(id: string) {
    await this.knex('smtp_servers').whereNot({ id }).update({ is_default: false });
    await this.knex('smtp_servers').where({ id }).update({ is_default: true });
  }

  async delete(id: string) {
    return (await this.knex('smtp_servers').where({ id }).delete()) > 0;
  }

  async countAssigned(id: string) {
    const [{ n }] = await this.knex('system_smtp').where({ smtp_server_id: id }).count({ n: '*' });
    return Number(n);
  }

  async countUnassignedSystems() {
    const [{ n }] = await this.knex('systems')
      .whereNotExists(this.knex('system_smtp').select(this.knex.raw('1')).whereRaw('system_smtp.system_id = systems.id'))
      .count({ n: '*' });
    return Number(n);
  }

  async assignedSystems(systemIds: string[]) {
    const result = new Set<string>();
    for (let i = 0; i < systemIds.length; i += 500) {
      const rows = await this.knex('system_smtp').select('system_id').whereIn('system_id', systemIds.slice(i, i + 500));
      for (const row of rows) result.add(row.system_id);
    }
    return result;
  }

  async getAssigned(systemId: string) {
    const row = await this.knex('system_smtp')
      .join('smtp_servers', 'smtp_servers.id', 'system_smtp.smtp_server_id')
      .select('smtp_servers.*')
      .where('system_smtp.system_id', systemId)
      .first();
    return row ? fromRow(row) : undefined;
  }

  async assign(systemId: string, serverId: string, assignedBy: string, at: string) {
    await this.knex('system_smtp')
      .insert({ system_id: systemId, smtp_server_id: serverId, assigned_by: assignedBy, assigned_at: at })
      .onConflict('system_id')
      .merge();
  }

  async unassign(systemId: string) {
    return (await this.knex('system_smtp').where({ system_id: systemId }).delete()) > 0;
  }
}

function toRow(record: Partial<SmtpServerRecord>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined) row[COLUMNS[key as keyof SmtpServerRecord]] = value;
  }
  return row;
}

function fromRow(row: Record<string, any>): SmtpServerRecord {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: Number(row.port),
    username: row.username,
    passwordSealed: row.password_sealed,
    sender: row.sender,
    recipient: row.recipient,
    // SQLite answers 1/0, PostgreSQL true/false.
    noTls: Boolean(row.no_tls),
    isDefault: Boolean(row.is_default),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
