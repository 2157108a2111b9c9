import { CccPhone, CccTrunk } from '@internal/plugin-ccc-common';
import { Knex } from 'knex';
import { mergeBuckets, MonitoringBucket } from '../monitoring/buckets';
import { LoadSummary, MonitoringStore, RegistrationSummary } from './MonitoringStore';
import { applySystemFilter, CccSystemCriteria } from './systemFilter';

// Phone states that count as working for the health score.
const PHONE_OK = ['provisioned', 'registered_encrypted', 'registered_unencrypted', 'analog_connected'];

/** {@link MonitoringStore} on knex (SQLite or PostgreSQL). */
export class DatabaseMonitoringStore implements MonitoringStore {
  constructor(private readonly knex: Knex) {}

  async listBuckets(systemId: string, resolutionSeconds: number, from: string, to: string) {
    const rows = await this.knex('monitoring_buckets')
      .where({ system_id: systemId, resolution_s: resolutionSeconds })
      .where('ts', '>=', from)
      .where('ts', '<', to)
      .orderBy('ts');
    return rows.map(toBucket);
  }

  async mergeBuckets(
    systemId: string,
    byResolution: Map<number, MonitoringBucket[]>,
    cursor: { kind: string; value: string; at: string },
  ) {
    // One transaction: buckets and cursor move together, so a repeated read
    // after a crash cannot count the same samples twice.
    await this.knex.transaction(async trx => {
      for (const [resolution, buckets] of byResolution) {
        if (buckets.length === 0) continue;
        const existing = new Map<string, MonitoringBucket>();
        for (let i = 0; i < buckets.length; i += 500) {
          const rows = await trx('monitoring_buckets')
            .where({ system_id: systemId, resolution_s: resolution })
            .whereIn('ts', buckets.slice(i, i + 500).map(b => b.ts));
          for (const row of rows) existing.set(row.ts, toBucket(row));
        }
        const merged = buckets.map(b => (existing.has(b.ts) ? mergeBuckets(existing.get(b.ts)!, b) : b));
        for (let i = 0; i < merged.length; i += 200) {
          await trx('monitoring_buckets')
            .insert(merged.slice(i, i + 200).map(b => toRow(systemId, resolution, b)))
            .onConflict(['system_id', 'resolution_s', 'ts'])
            .merge();
        }
      }
      await trx('device_cursors')
        .insert({ system_id: systemId, kind: cursor.kind, cursor: cursor.value, updated_at: cursor.at })
        .onConflict(['system_id', 'kind'])
        .merge();
    });
  }

  async purgeBuckets(resolutionSeconds: number, before: string) {
    return this.knex('monitoring_buckets').where({ resolution_s: resolutionSeconds }).where('ts', '<', before).delete();
  }

  async replaceInventory(systemId: string, phones: CccPhone[], trunks: CccTrunk[]) {
    await this.knex.transaction(async trx => {
      await trx('phone_status').where({ system_id: systemId }).delete();
      await trx('trunk_status').where({ system_id: systemId }).delete();
      for (let i = 0; i < phones.length; i += 200) {
        await trx('phone_status').insert(
          phones.slice(i, i + 200).map(p => ({
            system_id: systemId,
            phone_id: p.id,
            name: p.name,
            mac_address: p.macAddress,
            type: p.type,
            manufacturer: p.manufacturer,
            model: p.model,
            firmware_version: p.firmwareVersion,
            user_number: p.userNumber,
            status: p.status,
            read_at: p.readAt,
          })),
        );
      }
      for (let i = 0; i < trunks.length; i += 200) {
        await trx('trunk_status').insert(
          trunks.slice(i, i + 200).map(t => ({
            system_id: systemId,
            trunk_id: t.id,
            account_name: t.accountName,
            provider_name: t.providerName,
            stun_state: t.stunState,
            registration_state: t.registrationState,
            last_change: t.lastChange,
            read_at: t.readAt,
          })),
        );
      }
    });
  }

  async listPhones(query: { criteria?: CccSystemCriteria; systemId?: string; state?: string; limit: number; offset: number }) {
    const base = this.#scoped('phone_status', query);
    if (query.state) base.where('phone_status.status', query.state);
    const [{ n }] = await base.clone().count({ n: '*' });
    const rows = await base
      .clone()
      .select('phone_status.*')
      .orderBy([{ column: 'systems.name' }, { column: 'phone_status.name' }, { column: 'phone_status.phone_id' }])
      .limit(query.limit)
      .offset(query.offset);
    return {
      totalCount: Number(n),
      items: rows.map(r => ({
        systemId: r.system_id,
        id: r.phone_id,
        name: r.name,
        macAddress: r.mac_address,
        type: r.type,
        manufacturer: r.manufacturer,
        model: r.model,
        firmwareVersion: r.firmware_version,
        userNumber: r.user_number,
        status: r.status,
        readAt: r.read_at,
      })),
    };
  }

  async listTrunks(query: { criteria?: CccSystemCriteria; systemId?: string; state?: string; limit: number; offset: number }) {
    const base = this.#scoped('trunk_status', query);
    if (query.state) {
      const state = query.state;
      base.where(b => b.where('trunk_status.stun_state', state).orWhere('trunk_status.registration_state', state));
    }
    const [{ n }] = await base.clone().count({ n: '*' });
    const rows = await base
      .clone()
      .select('trunk_status.*')
      .orderBy([{ column: 'systems.name' }, { column: 'trunk_status.account_name' }, { column: 'trunk_status.trunk_id' }])
      .limit(query.limit)
      .offset(query.offset);
    return {
      totalCount: Number(n),
      items: rows.map(r => ({
        systemId: r.system_id,
        id: r.trunk_id,
        accountName: r.account_name,
        providerName: r.provider_name,
        stunState: r.stun_state,
        registrationState: r.registration_state,
        lastChange: r.last_change,
        readAt: r.read_at,
      })),
    };
  }

  async registrationSummaries(systemIds: string[]) {
    const result = new Map<string, RegistrationSummary>();
    const entry = (id: string) => {
      if (!result.has(id)) {
        result.set(id, { phones: 0, phonesOk: 0, trunks: 0, trunksNotRegistered: 0, trunksUnencrypted: 0 });
      }
      return result.get(id)!;
    };
    for (let i = 0; i < systemIds.length; i += 500) {
      const ids = systemIds.slice(i, i + 500);
      const phones: Array<Record<string, unknown>> = await this.knex('phone_status')
        .select('system_id', 'status')
        .count({ n: '*' })
        .whereIn('system_id', ids)
        .groupBy('system_id', 'status');
      for (const row of phones) {
        const e = entry(row.system_id as string);
        e.phones += Number(row.n);
        if (PHONE_OK.includes(row.status as string)) e.phonesOk += Number(row.n);
      }
      const trunks: Array<Record<string, unknown>> = await this.knex('trunk_status')
        .select('system_id', 'registration_state')
        .count({ n: '*' })
        .whereIn('system_id', ids)
        .groupBy('system_id', 'registration_state');
      for (const row of trunks) {
        const e = entry(row.system_id as string);
        e.trunks += Number(row.n);
        if (row.registration_state === 'not_registered') e.trunksNotRegistered += Number(row.n);
        if (row.registration_state === 'registered_unencrypted') e.trunksUnencrypted += Number(row.n);
      }
    }
    return result;
  }

  async loadSummaries(systemIds: string[], resolutionSeconds: number, since: string) {
    const result = new Map<string, LoadSummary>();
    for (let i = 0; i < systemIds.length; i += 500) {
      // Aggregates in SQL: sums of sums keep the average exact without loading the buckets.
      const rows: Array<Record<string, unknown>> = await this.knex('monitoring_buckets')
        .select('system_id')
        .sum({ n: 'n', cpu: 'cpu_sum', mem: 'mem_sum' })
        .max({ cpu_max: 'cpu_max', mem_total: 'mem_total' })
        .whereIn('system_id', systemIds.slice(i, i + 500))
        .where({ resolution_s: resolutionSeconds })
        .where('ts', '>=', since)
        .groupBy('system_id');
      for (const row of rows) {
        const n = Number(row.n);
        if (!n) continue;
        result.set(row.system_id as string, {
          cpuAvg: Number(row.cpu) / n,
          cpuMax: Number(row.cpu_max),
          memShare: Number(row.mem) / n / Number(row.mem_total),
        });
      }
    }
    return result;
  }

  // Rows of the systems the permission criteria allow, filtered in SQL.
  #scoped(table: 'phone_status' | 'trunk_status', query: { criteria?: CccSystemCriteria; systemId?: string }) {
    const q = this.knex(table).join('systems', 'systems.id', `${table}.system_id`);
    if (query.criteria) applySystemFilter(this.knex, q, query.criteria);
    if (query.systemId) q.where(`${table}.system_id`, query.systemId);
    return q;
  }
}

function toRow(systemId: string, resolution: number, b: MonitoringBucket) {
  return {
    system_id: systemId,
    resolution_s: resolution,
    ts: b.ts,
    n: b.n,
    cpu_sum: b.cpuSum,
    cpu_min: b.cpuMin,
    cpu_max: b.cpuMax,
    mem_sum: b.memSum,
    mem_min: b.memMin,
    mem_max: b.memMax,
    mem_total: b.memTotal,
  };
}

function toBucket(row: Record<string, any>): MonitoringBucket {
  return {
    ts: row.ts,
    n: Number(row.n),
    cpuSum: Number(row.cpu_sum),
    cpuMin: Number(row.cpu_min),
    cpuMax: Number(row.cpu_max),
    memSum: Number(row.mem_sum),
    memMin: Number(row.mem_min),
    memMax: Number(row.mem_max),
    memTotal: Number(row.mem_total),
  };
}
