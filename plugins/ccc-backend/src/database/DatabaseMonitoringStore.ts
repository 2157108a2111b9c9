import { CccPhone, CccTrunk } from '@internal/plugin-ccc-common';
import { Knex } from 'knex';
import { mergeBuckets, MonitoringBucket } from '../monitoring/buckets';
import { MonitoringStore } from './MonitoringStore';
import { applySystemFilter, CccSystemCriteria } from './systemFilter';

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
