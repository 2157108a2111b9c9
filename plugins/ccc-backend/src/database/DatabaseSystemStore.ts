import { DeviceFacts } from '@internal/plugin-ccc-common';
import { Knex } from 'knex';
import { applySystemFilter, CccSystemCriteria } from './systemFilter';
import { DuplicateSerialError, SystemListQuery, SystemRecord, SystemStore } from './SystemStore';

/** Row shape of the `systems` table. */
interface RawSystemRow {
  id: string;
  name: string;
  serial_number: string;
  owner_ref: string;
  catalog_owner_ref: string;
  state: string;
  state_reason: string | null;
  state_message: string | null;
  token_hash: string | null;
  token_sealed: string | null;
  token_expires_at: string | null;
  credentials_sealed: string | null;
  device_facts: string | null;
  device_url: string | null;
  allow_self_signed_tls: boolean | number;
  first_registered_at: string | null;
  last_seen_at: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS: Record<keyof SystemRecord, keyof RawSystemRow> = {
  id: 'id',
  name: 'name',
  serialNumber: 'serial_number',
  ownerRef: 'owner_ref',
  catalogOwnerRef: 'catalog_owner_ref',
  state: 'state',
  stateReason: 'state_reason',
  stateMessage: 'state_message',
  tokenHash: 'token_hash',
  tokenSealed: 'token_sealed',
  tokenExpiresAt: 'token_expires_at',
  credentialsSealed: 'credentials_sealed',
  deviceFacts: 'device_facts',
  deviceUrl: 'device_url',
  allowSelfSignedTls: 'allow_self_signed_tls',
  firstRegisteredAt: 'first_registered_at',
  lastSeenAt: 'last_seen_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

// Ascending puts what needs attention first: errors, open pairings, restricted, unknown, and the healthy ones last.
const STATE_RANK_SQL =
  "case systems.state when 'error' then 0 when 'token_pending' then 1 when 'paired_restricted' then 2 " +
  "when 'paired_ok' then 4 else 3 end";

/** {@link SystemStore} on knex (SQLite or PostgreSQL). */
export class DatabaseSystemStore implements SystemStore {
  constructor(private readonly knex: Knex) {}

  async insert(record: SystemRecord): Promise<void> {
    try {
      await this.knex('systems').insert(toRow(record));
    } catch (error) {
      // Unique violation on serial_number: PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE.
      const e = error as { code?: string; message?: string };
      if (e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e.message ?? '')) {
        throw new DuplicateSerialError(record.serialNumber);
      }
      throw error;
    }
  }

  async get(id: string): Promise<SystemRecord | undefined> {
    const row = await this.knex<RawSystemRow>('systems').where({ id }).first();
    return row ? fromRow(row) : undefined;
  }

  async getBySerial(serialNumber: string): Promise<SystemRecord | undefined> {
    const row = await this.knex<RawSystemRow>('systems').where({ serial_number: serialNumber }).first();
    return row ? fromRow(row) : undefined;
  }

  async list(criteria?: CccSystemCriteria): Promise<SystemRecord[]> {
    const query = this.knex('systems').select('systems.*').orderBy([{ column: 'name' }, { column: 'serial_number' }]);
    if (criteria) applySystemFilter(this.knex, query, criteria);
    const rows: RawSystemRow[] = await query;
    return rows.map(fromRow);
  }

  async listPage(query: SystemListQuery): Promise<{ records: SystemRecord[]; totalCount: number }> {
    const base = this.knex('systems');
    if (query.criteria) applySystemFilter(this.knex, base, query.criteria);
    if (query.state) base.where('systems.state', query.state);
    const text = query.text?.trim();
    if (text) {
      // The text is a value, never SQL; %, _ and \ in it are matched literally.
      const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;
      base.where(b =>
        b
          .whereRaw(`lower(systems.name) like ? escape '\\'`, [pattern])
          .orWhereRaw(`lower(systems.serial_number) like ? escape '\\'`, [pattern]),
      );
    }

    const page = base.clone().select('systems.*');
    const order = query.order === 'desc' ? 'desc' : 'asc';
    if (query.sort === 'serialNumber') {
      page.orderBy('systems.serial_number', order);
    } else if (query.sort === 'firstRegisteredAt') {
      // Never registered sorts after every date (and first when descending), the same on both databases.
      page.orderByRaw(`case when systems.first_registered_at is null then 1 else 0 end ${order}`);
      page.orderBy('systems.first_registered_at', order);
    } else if (query.sort === 'state') {
      page.orderByRaw(`${STATE_RANK_SQL} ${order}`);
    } else {
      page.orderByRaw(`lower(systems.name) ${order}`);
    }
    // Ties by name, then serial number and id: every page of an offset walk sees the same order.
    if (query.sort !== 'name') page.orderByRaw('lower(systems.name) asc');
    page.orderBy('systems.serial_number', 'asc').orderBy('systems.id', 'asc');
    if (query.limit === undefined) {
      const rows: RawSystemRow[] = await page;
      return { records: rows.map(fromRow), totalCount: rows.length };
    }
    page.limit(query.limit);
    if (query.offset) page.offset(query.offset);
    const rows: RawSystemRow[] = await page;
    const [{ n }] = await base.clone().count({ n: '*' });
    return { records: rows.map(fromRow), totalCount: Number(n) };
  }

  async getMany(ids: string[]): Promise<Array<SystemRecord | undefined>> {
    if (ids.length === 0) return [];
    const rows = await this.knex<RawSystemRow>('systems').whereIn('id', [...new Set(ids)]);
    const byId = new Map(rows.map(row => [row.id, fromRow(row)]));
    return ids.map(id => byId.get(id));
  }

  async update(
    id: string,
    patch: Partial<Omit<SystemRecord, 'id' | 'createdAt'>>,
  ): Promise<SystemRecord | undefined> {
    const row = toRow(patch);
    if (Object.keys(row).length > 0) {
      await this.knex('systems').where({ id }).update(row);
    }
    return this.get(id);
  }

  async oldestLastSeen(): Promise<string | undefined> {
    const row = await this.knex('systems').whereNotNull('credentials_sealed').min({ oldest: 'last_seen_at' }).first();
    return (row?.oldest as string | null) ?? undefined;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.knex('systems').where({ id }).delete()) > 0;
  }

  async getState(key: string): Promise<string | undefined> {
    const row = await this.knex('plugin_state').where({ key }).first();
    return row?.value;
  }

  async setState(key: string, value: string): Promise<void> {
    await this.knex('plugin_state').insert({ key, value }).onConflict('key').merge();
  }
}

function toRow(record: Partial<SystemRecord>): Partial<RawSystemRow> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    const column = COLUMNS[key as keyof SystemRecord];
    // Device facts go into a text column as JSON; null stays null.
    const serialised = key === 'deviceFacts' && value !== null;
    row[column] = serialised ? JSON.stringify(value) : value;
  }
  return row as Partial<RawSystemRow>;
}

function fromRow(row: RawSystemRow): SystemRecord {
  return {
    id: row.id,
    name: row.name,
    serialNumber: row.serial_number,
    ownerRef: row.owner_ref,
    catalogOwnerRef: row.catalog_owner_ref,
    state: row.state as SystemRecord['state'],
    stateReason: row.state_reason as SystemRecord['stateReason'],
    stateMessage: row.state_message,
    tokenHash: row.token_hash,
    tokenSealed: row.token_sealed,
    tokenExpiresAt: row.token_expires_at,
    credentialsSealed: row.credentials_sealed,
    deviceFacts: parseFacts(row.device_facts),
    deviceUrl: row.device_url,
    // SQLite answers 1/0, PostgreSQL true/false.
    allowSelfSignedTls: Boolean(row.allow_self_signed_tls),
    firstRegisteredAt: row.first_registered_at,
    lastSeenAt: row.last_seen_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function parseFacts(value: unknown): DeviceFacts | null {
  if (value === null || value === undefined) return null;
  // A text column on both databases, but parse defensively should it ever be json.
  return (typeof value === 'string' ? JSON.parse(value) : value) as DeviceFacts;
}
