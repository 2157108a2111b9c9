import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  CALL_DATA_MASKING_MODES,
  CALL_DATA_STATISTICS_DEFAULT_DAYS,
  CALL_DATA_STATISTICS_MAX_DAYS,
  CALL_DATA_STATISTICS_TOP,
  CallDataExportQuery,
  callDataExportQuerySchema,
  CallDataMaskingMode,
  CallDataQuery,
  callDataQuerySchema,
  callDataStatisticsQuerySchema,
  CccCallDataPage,
  CccCallDataStatistics,
} from '@internal/plugin-ccc-common';
import { CallDataFilter, CallDataKey, CallDataMasking, CallDataScope } from '../database/CallDataStore';
import { isMasked } from '../database/callDataSql';
import { CccSystemCriteria } from '../database/systemFilter';
import { CccDatabase } from '../database/CccDatabase';
import { DeviceCallDataCursor, DeviceCallDataRead, DeviceClient, DeviceTarget } from '../device/DeviceClient';
import { runBounded } from '../jobs/runBounded';
import { CccMetrics } from '../metrics/CccMetrics';
import { Shard } from '../jobs/shards';
import { SystemsService } from '../systems/SystemsService';
import { parse } from '../validation';
import { csvHeaderLine, csvLine, CSV_BOM } from './callDataCsv';
import { toStatistics } from './callDataStatistics';
import { CallDataCollectionCursor, formatCollectionCursor, parseCollectionCursor } from './collectionCursor';
import { toNewCallData } from './fingerprint';
import { decodePageCursor, encodePageCursor } from './pageCursor';

const DAY_MS = 86_400_000;
/**
 * How far before the newest start time a read by start time begins again. A record is written when the call
 * ends, so a call still running at one read turns up later with an earlier start than records already read; the
 * domain caps calls at 2 h, this leaves room. Re-read records are dropped by their fingerprint.
 */
const SINCE_LOOKBACK_MS = 4 * 3_600_000;
/** Rows per keyset batch of the export: the export never holds more than this in memory. */
const EXPORT_BATCH = 1_000;

/** What one collection from a device did. */
export interface CallDataCollection {
  /** Records stored that were not stored before. */
  added: number;
  /** Records the device overwrote before they were read (ring buffer wrapped), by the difference of ids. */
  lost: number;
}

/** Where an export writes to (the HTTP response). */
export interface CsvSink {
  /** Called once the request is known to be valid, before the first byte: the place to send headers. */
  begin(): void;
  /** Writes text; resolves when the receiver can take more. */
  write(text: string): Promise<void>;
  /** Whether the receiver has gone away; the export then stops reading. */
  closed(): boolean;
}

/** Options of {@link CallDataService}. */
export interface CallDataServiceOptions {
  db: CccDatabase;
  systems: SystemsService;
  devices: DeviceClient;
  logger: LoggerService;
  /** `ccc.callData.masking`; default off. */
  masking?: string;
  /** `ccc.callData.retentionDays`: records of calls older than this are purged; unset keeps everything. */
  retentionDays?: number;
  now?: () => Date;
  /** Counts stored records for operators. */
  metrics?: CccMetrics;
}

/** Collects call data from the devices, serves the call data tab and its CSV export, and purges old records. */
export class CallDataService {
  readonly #db: CccDatabase;
  readonly #systems: SystemsService;
  readonly #devices: DeviceClient;
  readonly #logger: LoggerService;
  readonly #masking: CallDataMaskingMode;
  readonly #retentionDays?: number;
  readonly #now: () => Date;
  readonly #metrics?: CccMetrics;

  constructor(options: CallDataServiceOptions) {
    this.#db = options.db;
    this.#systems = options.systems;
    this.#devices = options.devices;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
    this.#metrics = options.metrics;
    const masking = options.masking ?? 'off';
    if (!(CALL_DATA_MASKING_MODES as readonly string[]).includes(masking)) {
      throw new Error(`ccc.callData.masking must be one of ${CALL_DATA_MASKING_MODES.join(', ')}, not "${masking}"`);
    }
    this.#masking = masking as CallDataMaskingMode;
    const days = options.retentionDays;
    if (days !== undefined && !(Number.isFinite(days) && days > 0)) {
      throw new Error(`ccc.callData.retentionDays must be a positive number of days, not ${days}`);
    }
    this.#retentionDays = days;
  }

  /**
   * Reads the records after the stored cursor from one device and stores them with the new cursor (and a warning
   * when records were lost) in one transaction. Repeating a read (crash, overlapping replicas, the all-zero id
   * quirk read by start time) adds nothing twice: records are told apart by content.
   */
  async collect(systemId: string): Promise<CallDataCollection> {
    const { system, target } = await this.#systems.manageableTarget(systemId);
    const cursor = parseCollectionCursor(await this.#db.callData.getCursor(systemId));
    const read = await this.#read(target, cursor);
    if (read.records.length === 0) return { added: 0, lost: 0 };

    const next = nextCursor(cursor, read);
    const lowestId = read.records.reduce((min, r) => Math.min(min, r.CallDataId), Infinity);
    const lost = read.gap && cursor.afterId !== undefined ? Math.max(0, lowestId - cursor.afterId - 1) : 0;
    const at = this.#now().toISOString();
    const added = await this.#db.transaction(async tx => {
      const n = await tx.callData.addRecords(systemId, read.records.map(toNewCallData), at);
      await tx.callData.setCursor(systemId, formatCollectionCursor(next), at);
      if (lost > 0) {
        await tx.warnings.addCccWarning(
          systemId,
          {
            // Negative and derived from the first lost id: one warning per gap, never a device message id.
            deviceMessageId: -(cursor.afterId! + 1),
            ts: at,
            severity: 'malfunction',
            category: 'Call data',
            text:
              `Possibly ${lost} call data records lost: the PBX overwrote records ${cursor.afterId! + 1} to ` +
              `${lowestId - 1} before the CCC read them (its memory holds the newest 18,000). Poll more often.`,
          },
          at,
        );
      }
      return n;
    });
    if (lost > 0) this.#logger.warn(`Call data of ${system.name}: possibly ${lost} records lost (ring buffer wrapped)`);
    this.#metrics?.ingested('calldata', added);
    return { added, lost };
  }

  /** Collects from every manageable system, a few at a time, each with its own time limit. */
  async collectAll(signal?: AbortSignal, options: { concurrency?: number; itemTimeoutMs?: number; shard?: Shard } = {}) {
    const ids = await this.#systems.manageableIds(options.shard);
    return runBounded(ids, id => this.collect(id), {
      concurrency: options.concurrency ?? 4,
      // The first read of a device is its whole memory (18,000 records, 36 pages).
      itemTimeoutMs: options.itemTimeoutMs ?? 300_000,
      signal,
      // The device may be rebooting or gone; the status poll records that, the next round catches up.
      onError: (id, error) => this.#logger.debug(`Call data of system ${id} not collected: ${error.message}`),
    });
  }

  /** Deletes records of calls older than the retention; returns how many (0 without a retention). */
  async purge(): Promise<number> {
    if (this.#retentionDays === undefined) return 0;
    const cutoff = new Date(this.#now().getTime() - this.#retentionDays * DAY_MS).toISOString();
    const deleted = await this.#db.callData.deleteStartedBefore(cutoff);
    if (deleted > 0) this.#logger.info(`Deleted ${deleted} call data records of calls before ${cutoff} (retention)`);
    return deleted;
  }

  /**
   * How external numbers of these systems are shown to a user with these ownership claims (user and group refs):
   * per `ccc.callData.masking`; with allButCallDataRole unmasked only where they hold the Call data role.
   */
  async maskingFor(systemIds: string[], claims: string[]): Promise<CallDataMasking> {
    if (this.#masking === 'off') return 'none';
    if (this.#masking === 'all') return 'all';
    const mine = new Set(claims);
    const assignments = await this.#db.access.roleAssignments(systemIds);
    const held = assignments.filter(a => a.role === 'callData' && mine.has(a.holderRef));
    const allBut = [...new Set(held.map(a => a.systemId))];
    return allBut.length === 0 ? 'all' : { allBut };
  }

  /** One page of a system's call data: filtered, sorted, masked; keyset cursor when sorted by start time. */
  async list(systemId: string, query: unknown, claims: string[]): Promise<CccCallDataPage> {
    const q = parse(callDataQuerySchema, query);
    const masking = await this.#maskingOf(systemId, claims);
    return this.#page({ systemIds: [systemId] }, q, masking);
  }

  /**
   * One page of the fleet's call data: the records of every system the permission criteria let the user read
   * (evaluated in SQL), with the names of the systems on the page.
   */
  async listFleet(criteria: CccSystemCriteria | undefined, query: unknown, claims: string[]): Promise<CccCallDataPage> {
    const q = parse(callDataQuerySchema, query);
    const scope: CallDataScope = { criteria };
    const page = await this.#page(scope, q, await this.#maskingOfScope(scope, claims));
    return { ...page, systemNames: await this.#systemNames(page.items.map(r => r.systemId)) };
  }

  /**
   * Writes gespr_dat.csv of a system, the whole filtered result, in keyset batches so that no more than one batch
   * is in memory; validates the query (legal notice acknowledged) before the first byte. The audit row (who, when,
   * filter, rows, whether the receiver got everything) is written when the stream ends. Returns the rows written.
   */
  async exportCsv(
    systemId: string,
    query: unknown,
    who: { actorRef: string; claims: string[] },
    sink: CsvSink,
  ): Promise<number> {
    const q = parse(callDataExportQuerySchema, query);
    const masking = await this.#maskingOf(systemId, who.claims);
    return this.#export({ scope: { systemIds: [systemId] }, systemId, q, masking, actorRef: who.actorRef, sink });
  }

  /**
   * The fleet's gespr_dat.csv: as {@link CallDataService.exportCsv} over every system the criteria allow, with the
   * system's name as first column; audited without a system.
   */
  async exportFleetCsv(
    criteria: CccSystemCriteria | undefined,
    query: unknown,
    who: { actorRef: string; claims: string[] },
    sink: CsvSink,
  ): Promise<number> {
    const q = parse(callDataExportQuerySchema, query);
    const scope: CallDataScope = { criteria };
    const masking = await this.#maskingOfScope(scope, who.claims);
    return this.#export({ scope, systemId: null, q, masking, actorRef: who.actorRef, sink });
  }

  /** Statistics of one system's call data over a range (default the last 30 days). */
  async statistics(systemId: string, query: unknown, claims: string[]): Promise<CccCallDataStatistics> {
    return this.#statistics({ systemIds: [systemId] }, query, await this.#maskingOf(systemId, claims));
  }

  /** Statistics over every system the permission criteria let the user read. */
  async fleetStatistics(
    criteria: CccSystemCriteria | undefined,
    query: unknown,
    claims: string[],
  ): Promise<CccCallDataStatistics> {
    const scope: CallDataScope = { criteria };
    return this.#statistics(scope, query, await this.#maskingOfScope(scope, claims));
  }

  async #statistics(scope: CallDataScope, query: unknown, masking: CallDataMasking): Promise<CccCallDataStatistics> {
    const q = parse(callDataStatisticsQuerySchema, query);
    const to = q.to ? new Date(q.to) : this.#now();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - CALL_DATA_STATISTICS_DEFAULT_DAYS * DAY_MS);
    // The schema checks ranges it sees whole; one end left to the default is checked here.
    if (from.getTime() >= to.getTime()) throw new InputError('from must be before to');
    if (to.getTime() - from.getTime() > CALL_DATA_STATISTICS_MAX_DAYS * DAY_MS) {
      throw new InputError(
        `The statistics cover at most ${CALL_DATA_STATISTICS_MAX_DAYS} days; choose a shorter range`,
      );
    }
    const filter = toFilter({ ...q, from: from.toISOString(), to: to.toISOString() });
    const aggregates = await this.#db.callData.statistics({ scope, filter, masking, top: CALL_DATA_STATISTICS_TOP });
    return toStatistics(aggregates, {
      from: filter.from!,
      to: filter.to!,
      timeZone: q.timeZone,
      masked: aggregates.systems.some(s => isMasked(masking, s.systemId)),
    });
  }

  async #page(
    scope: CallDataScope,
    q: CallDataQuery,
    masking: CallDataMasking,
  ): Promise<CccCallDataPage> {
    const after = q.cursor ? decodePageCursor(q.cursor) : undefined;
    // One more than asked tells whether there is a next page without counting.
    const { items, totalCount } = await this.#db.callData.list({
      scope,
      filter: toFilter(q),
      masking,
      sort: q.sort,
      order: q.order,
      limit: q.limit + 1,
      offset: q.offset,
      after,
      withTotal: true,
    });
    const page = items.slice(0, q.limit);
    const last = page[page.length - 1];
    const more = items.length > q.limit;
    return {
      items: page,
      totalCount: totalCount ?? 0,
      nextCursor: more && q.sort === 'startAt' ? encodePageCursor({ startAt: last.startAt, id: last.id }) : null,
      masked: masking === 'all' || (masking !== 'none' && page.some(r => isMasked(masking, r.systemId))),
    };
  }

  async #export(options: {
    scope: CallDataScope;
    /** The system of a system's export, null for the fleet's (which then has a system column). */
    systemId: string | null;
    q: CallDataExportQuery;
    masking: CallDataMasking;
    actorRef: string;
    sink: CsvSink;
  }): Promise<number> {
    const { scope, systemId, q, masking, sink } = options;
    const fleet = systemId === null;
    const filter = toFilter(q);
    const names = new Map<string, string>();
    sink.begin();
    let rows = 0;
    let complete = false;
    let masked = false;
    try {
      await sink.write(CSV_BOM + csvHeaderLine({ withSystem: fleet }));
      let after: CallDataKey | undefined;
      while (!sink.closed()) {
        const { items } = await this.#db.callData.list({
          scope,
          filter,
          masking,
          sort: 'startAt',
          order: q.order,
          limit: EXPORT_BATCH,
          after,
        });
        if (fleet) {
          // Names of systems not met before; a fleet export holds one name per system, never the rows.
          const unknown = [...new Set(items.map(r => r.systemId))].filter(id => !names.has(id));
          for (const [id, name] of Object.entries(await this.#systemNames(unknown))) names.set(id, name);
        }
        if (items.length > 0) {
          await sink.write(items.map(r => csvLine(r, fleet ? names.get(r.systemId) ?? r.systemId : undefined)).join(''));
        }
        masked ||= items.some(r => isMasked(masking, r.systemId));
        rows += items.length;
        if (items.length < EXPORT_BATCH) {
          complete = !sink.closed();
          break;
        }
        const last = items[items.length - 1];
        after = { startAt: last.startAt, id: last.id };
      }
    } finally {
      await this.#db.audit.append({
        at: this.#now().toISOString(),
        actorRef: options.actorRef,
        action: 'calldata.export',
        systemId,
        groupId: null,
        details: {
          ...(fleet ? { fleet: true, systems: names.size } : {}),
          filter: { ...filter, order: q.order },
          rows,
          complete,
          masked: fleet ? masked : masking !== 'none',
        },
      });
    }
    return rows;
  }

  async #systemNames(ids: string[]): Promise<Record<string, string>> {
    const unique = [...new Set(ids)];
    const systems = await this.#db.systems.getMany(unique);
    const names: Record<string, string> = {};
    for (const system of systems) if (system) names[system.id] = system.name;
    return names;
  }

  // Masking of a fleet scope: with allButCallDataRole the systems where the user holds the role, found in SQL
  // by the same rule the permission conditions use.
  async #maskingOfScope(scope: CallDataScope, claims: string[]): Promise<CallDataMasking> {
    if (this.#masking !== 'allButCallDataRole') return this.#masking === 'off' ? 'none' : 'all';
    if (scope.systemIds) return this.maskingFor(scope.systemIds, claims);
    const held = await this.#db.systems.list({ key: 'hasRole', roles: ['callData'], claims });
    return held.length === 0 ? 'all' : { allBut: held.map(s => s.id) };
  }

  // One system's records are either all masked or none.
  async #maskingOf(systemId: string, claims: string[]): Promise<'none' | 'all'> {
    const masking = await this.maskingFor([systemId], claims);
    return masking === 'none' || (typeof masking === 'object' && masking.allBut.includes(systemId)) ? 'none' : 'all';
  }

  // By id while the ids serve; by start time on firmware that sends 0 for every id. When a read by id finds
  // nothing, two small requests check whether the ids stopped serving (firmware update) or started again.
  async #read(target: DeviceTarget, cursor: CallDataCollectionCursor): Promise<DeviceCallDataRead> {
    if (cursor.afterId === undefined) {
      return this.#devices.readCallDataAfter(target, cursor.since ? { since: new Date(cursor.since) } : {});
    }
    const read = await this.#devices.readCallDataAfter(target, { afterId: cursor.afterId });
    if (read.records.length > 0) return read;
    const first = await this.#devices.listCallData(target, { limit: 1 });
    if (first.totalCount === 0) return read;
    const newest =
      first.totalCount > 1
        ? (await this.#devices.listCallData(target, { limit: 1, offset: first.totalCount - 1 })).records[0]
        : first.records[0];
    if (!newest) return read;
    let restart: DeviceCallDataCursor | undefined;
    if (newest.CallDataId === 0) restart = cursor.since ? { since: new Date(cursor.since) } : {};
    // Ids below the cursor: the device's memory was reset; read all again, the stored ones are recognised.
    else if (newest.CallDataId < cursor.afterId) restart = {};
    return restart ? this.#devices.readCallDataAfter(target, restart) : read;
  }
}

/** The cursor after a read: by id while ids serve, always with a start time to fall back on. */
function nextCursor(cursor: CallDataCollectionCursor, read: DeviceCallDataRead): CallDataCollectionCursor {
  const newestStart = read.records.reduce((max, r) => Math.max(max, Date.parse(r.startDate)), -Infinity);
  const previous = cursor.since ? Date.parse(cursor.since) : -Infinity;
  const since = new Date(Math.max(previous, newestStart - SINCE_LOOKBACK_MS)).toISOString();
  if (!read.idsUnusable && read.nextAfterId !== undefined) return { afterId: read.nextAfterId, since };
  return { since };
}

function toFilter(q: {
  q?: string;
  from?: string;
  to?: string;
  direction?: 'incoming' | 'outgoing';
  success?: boolean;
  extension?: string;
}): CallDataFilter {
  const filter: CallDataFilter = {};
  // Stored start times are UTC with milliseconds: compare in the same shape.
  if (q.from) filter.from = new Date(q.from).toISOString();
  if (q.to) filter.to = new Date(q.to).toISOString();
  if (q.direction) filter.direction = q.direction;
  if (q.success !== undefined) filter.success = q.success;
  if (q.extension) filter.extension = q.extension;
  if (q.q?.trim()) filter.text = q.q.trim();
  return filter;
}
