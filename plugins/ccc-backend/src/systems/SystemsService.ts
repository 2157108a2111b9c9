import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  BulkRegistrationResult,
  bulkRegisterRequestSchema,
  CccSystem,
  CccSystemsPage,
  compareFirmware,
  MIN_FIRMWARE_VERSION,
  PAIRING_TOKEN_VALIDITY_HOURS,
  PairingRequest,
  PairingToken,
  ParsedSystemsQuery,
  pairingRequestSchema,
  SystemGate,
  systemGate,
  RegisterSystemRequest,
  registerSystemRequestSchema,
  StateReason,
  UpdateSystemRequest,
  updateSystemRequestSchema,
} from '@internal/plugin-ccc-common';
import { randomUUID } from 'node:crypto';
import { parse } from '../validation';
import { CccDatabase, CccStores } from '../database/CccDatabase';
import { CccSystemCriteria } from '../database/systemFilter';
import { DuplicateSerialError, SystemRecord, SystemStore } from '../database/SystemStore';
import { DeviceClient, DeviceStatus, DeviceTarget } from '../device/DeviceClient';
import {
  DeviceAccessRevokedError,
  DeviceLockedOutError,
  DeviceRebootingError,
  DeviceUnreachableError,
} from '../device/errors';
import { runBounded } from '../jobs/runBounded';
import { inShard, Shard } from '../jobs/shards';
import { SecretBox } from '../secrets/SecretBox';
import { credentialsContext, PAIRING_TOKEN_CONTEXT } from '../secrets/secretContexts';
import { CccHttpError } from '../service/errors';
import { generatePairingToken, hashPairingToken, pairingTokenMatches } from './pairingToken';

/** Thrown when a pairing token has expired: HTTP 410, so the device can tell the admin to renew it. */
export class TokenExpiredError extends CccHttpError {
  constructor() {
    super(
      'TokenExpiredError',
      'The confirmation code has expired (it is valid for 24 hours). Renew it in the CCC and enter the new one.',
      410,
    );
  }
}

const GATE_MESSAGES: Record<NonNullable<SystemGate['reason']>, string> = {
  not_paired: 'is not paired with the CCC; pair it with a confirmation code first',
  maintenance_inactive: 'has no active COMtrexx Maintenance; activate maintenance for the system to manage it',
  firmware_too_old: `runs firmware older than ${MIN_FIRMWARE_VERSION}; update it locally in the COMtrexx web interface`,
};

/**
 * Thrown when a function needs a manageable system (HTTP 412): only system
 * info and licences are available without active maintenance and current
 * firmware. `reason` lets the UI explain what to do.
 */
export class SystemNotManageableError extends CccHttpError {
  constructor(name: string, reason: NonNullable<SystemGate['reason']>) {
    super('SystemNotManageableError', `${name} ${GATE_MESSAGES[reason]}`, 412, { reason });
  }
}

/** Options for {@link SystemsService}. */
export interface SystemsServiceOptions {
  /** Stores; changes and their audit rows are written in one transaction. */
  db: CccDatabase;
  secrets: SecretBox;
  devices: DeviceClient;
  logger: LoggerService;
  /** `ccc.devices.urlTemplate`: device base URL with `{serial}`. */
  deviceUrlTemplate?: string;
  /** Injectable clock (token expiry in tests). */
  now?: () => Date;
}

const TOKEN_VALIDITY_MS = PAIRING_TOKEN_VALIDITY_HOURS * 60 * 60 * 1000;

/** Registration, pairing, device states and deletion of COMtrexx systems. */
export class SystemsService {
  readonly #db: CccDatabase;
  readonly #store: SystemStore;
  readonly #secrets: SecretBox;
  readonly #devices: DeviceClient;
  readonly #logger: LoggerService;
  readonly #urlTemplate?: string;
  readonly #now: () => Date;

  constructor(options: SystemsServiceOptions) {
    this.#db = options.db;
    this.#store = options.db.systems;
    this.#secrets = options.secrets;
    this.#devices = options.devices;
    this.#logger = options.logger;
    this.#urlTemplate = options.deviceUrlTemplate;
    this.#now = options.now ?? (() => new Date());
  }

  /** Systems as the API shows them: all, or those matching permission criteria. */
  async list(criteria?: CccSystemCriteria): Promise<CccSystem[]> {
    return (await this.#store.list(criteria)).map(r => this.#toApi(r));
  }

  /** Systems of a `GET /systems` query (all, or one page) within the permission criteria, and how many match. */
  async listPage(criteria: CccSystemCriteria | undefined, query: ParsedSystemsQuery): Promise<CccSystemsPage> {
    const { records, totalCount } = await this.#store.listPage({
      criteria,
      text: query.q,
      state: query.state,
      sort: query.sort,
      order: query.order,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: records.map(r => this.#toApi(r)), totalCount };
  }

  /**
   * Ids of the manageable systems (state paired_ok) of one slice of the fleet:
   * what the periodic device jobs walk. Read from the records, so a round
   * decrypts nothing it does not need.
   */
  async manageableIds(shard?: Shard): Promise<string[]> {
    return inShard(await this.#store.list(), shard)
      .filter(r => r.state === 'paired_ok')
      .map(r => r.id);
  }

  /** One system; 404 when unknown. */
  async get(id: string): Promise<CccSystem> {
    return this.#toApi(await this.#require(id));
  }

  /** One system by serial number; 404 when unknown. */
  async getBySerial(serialNumber: string): Promise<CccSystem> {
    const record = await this.#store.getBySerial(serialNumber.trim().toUpperCase());
    if (!record) {
      throw new NotFoundError(`No COMtrexx with serial number ${serialNumber} is registered`);
    }
    return this.#toApi(record);
  }

  /**
   * The one gate of every function beyond system info and licences: returns
   * the system when it is paired, has active maintenance and current
   * firmware, else throws {@link SystemNotManageableError}.
   */
  async requireManageable(id: string): Promise<CccSystem> {
    const system = this.#toApi(await this.#require(id));
    const gate = systemGate(system);
    if (!gate.manageable) {
      throw new SystemNotManageableError(system.name, gate.reason!);
    }
    return system;
  }

  /**
   * How to reach a manageable system's device, for the functions beyond
   * system info: throws {@link SystemNotManageableError} (412) otherwise.
   */
  async manageableTarget(id: string): Promise<{ system: CccSystem; target: DeviceTarget }> {
    const record = await this.#require(id);
    const system = this.#toApi(record);
    const gate = systemGate(system);
    if (!gate.manageable || !record.credentialsSealed) {
      throw new SystemNotManageableError(system.name, gate.reason ?? 'not_paired');
    }
    return { system, target: this.#target(record, record.credentialsSealed) };
  }

  /**
   * How to reach a paired system's device whatever its state, for following
   * a job through a restart; 412 when the system is not paired.
   */
  async pairedTarget(id: string): Promise<DeviceTarget> {
    const record = await this.#require(id);
    if (!record.credentialsSealed) throw new SystemNotManageableError(record.name, 'not_paired');
    return this.#target(record, record.credentialsSealed);
  }

  /** Registers a system for `userRef` and issues its first token. */
  async register(
    input: RegisterSystemRequest | unknown,
    userRef: string,
  ): Promise<{ system: CccSystem; token: PairingToken }> {
    const request = parse(registerSystemRequestSchema, input);
    const now = this.#now().toISOString();
    const { code, fields } = this.#newToken();
    const record: SystemRecord = {
      id: randomUUID(),
      name: request.name,
      serialNumber: request.serialNumber,
      ownerRef: userRef,
      catalogOwnerRef: request.catalogOwnerRef ?? userRef,
      state: 'token_pending',
      stateReason: null,
      stateMessage: null,
      ...fields,
      credentialsSealed: null,
      deviceFacts: null,
      deviceUrl: null,
      allowSelfSignedTls: false,
      firstRegisteredAt: null,
      lastSeenAt: null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.#db.transaction(async tx => {
        await tx.systems.insert(record);
        await audit(
          tx,
          userRef,
          'system.register',
          record,
          { name: record.name, serialNumber: record.serialNumber },
          now,
        );
      });
    } catch (error) {
      if (error instanceof DuplicateSerialError) throw new ConflictError(error.message);
      throw error;
    }
    this.#logger.info(`Registered COMtrexx ${record.serialNumber} (${record.id}) for ${userRef}`);
    return { system: this.#toApi(record), token: { code, expiresAt: fields.tokenExpiresAt } };
  }

  /**
   * Registers many systems; each row on its own (a duplicate or a typo
   * refuses that row only), each with its own audit row and token.
   */
  async registerMany(input: unknown, userRef: string): Promise<BulkRegistrationResult[]> {
    const { items } = parse(bulkRegisterRequestSchema, input);
    const results: BulkRegistrationResult[] = [];
    for (const [index, item] of items.entries()) {
      const serial = (item as { serialNumber?: unknown } | null)?.serialNumber;
      const serialNumber = typeof serial === 'string' ? serial.trim().toUpperCase() : null;
      try {
        const { system, token } = await this.register(item, userRef);
        results.push({ row: index + 1, serialNumber: system.serialNumber, ok: true, systemId: system.id, token });
      } catch (error) {
        if (!(error instanceof InputError) && !(error instanceof ConflictError)) throw error;
        results.push({ row: index + 1, serialNumber, ok: false, error: error.message });
      }
    }
    return results;
  }

  /** Renames a system or changes how its device is reached. */
  async update(id: string, input: UpdateSystemRequest | unknown, actorRef: string): Promise<CccSystem> {
    const request = parse(updateSystemRequestSchema, input);
    const current = await this.#require(id);
    const at = this.#now().toISOString();
    const updated = await this.#db.transaction(async tx => {
      const result = await tx.systems.update(id, {
        name: request.name,
        deviceUrl: request.deviceAddress?.url,
        allowSelfSignedTls: request.deviceAddress?.allowSelfSignedTls,
        updatedAt: at,
      });
      // The device URL may carry a host name worth knowing; it is no secret.
      await audit(tx, actorRef, 'system.update', current, { ...request }, at);
      return result;
    });
    if (request.deviceAddress) {
      this.#devices.forget(current.serialNumber);
    }
    return this.#toApi(updated ?? current);
  }

  /**
   * Issues a new token; the old one stops working. Allowed while pairing and
   * for a system whose link is lost (not paired, or in error), not for a
   * system that is paired and answering.
   */
  async renewToken(id: string, actorRef: string): Promise<PairingToken> {
    const record = await this.#require(id);
    if (record.credentialsSealed && (record.state === 'paired_ok' || record.state === 'paired_restricted')) {
      throw new ConflictError(
        `${record.name} is paired and reachable; a new confirmation code is only needed when the link is lost`,
      );
    }
    const { code, fields } = this.#newToken();
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      await tx.systems.update(id, {
        ...fields,
        state: 'token_pending',
        stateReason: null,
        stateMessage: null,
        updatedAt: at,
      });
      await audit(tx, actorRef, 'system.token.renew', record, { expiresAt: fields.tokenExpiresAt }, at);
    });
    return { code, expiresAt: fields.tokenExpiresAt };
  }

  /** Cancels a pending pairing ("✗" in the CCC). */
  async cancelToken(id: string, actorRef: string): Promise<void> {
    const record = await this.#require(id);
    if (!record.tokenHash) {
      throw new ConflictError(`No confirmation code is pending for ${record.name}`);
    }
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      await tx.systems.update(id, {
        tokenHash: null,
        tokenSealed: null,
        tokenExpiresAt: null,
        ...(record.credentialsSealed
          ? {}
          : { state: 'error' as const, stateReason: 'not_paired' as const, stateMessage: null }),
        updatedAt: at,
      });
      await audit(tx, actorRef, 'system.token.cancel', record, {}, at);
    });
  }

  /**
   * Called by the device when an admin confirmed the token on it: checks
   * serial and token, stores the device API credentials encrypted.
   * Returns the system id; the caller reads the device state afterwards,
   * not during this request (the device is waiting for our answer).
   */
  async pair(input: PairingRequest | unknown): Promise<string> {
    const request = parse(pairingRequestSchema, input);
    const record = await this.#store.getBySerial(request.serialNumber);
    if (!record) {
      throw new NotFoundError(
        `No COMtrexx with serial number ${request.serialNumber} is registered in the CCC. Register it first, then enter its confirmation code.`,
      );
    }
    if (!record.tokenHash || !pairingTokenMatches(request.token, record.tokenHash)) {
      throw new NotAllowedError(
        'The confirmation code is wrong. Copy the current code from the CCC (a renewed code replaces the old one).',
      );
    }
    const now = this.#now();
    if (record.tokenExpiresAt && Date.parse(record.tokenExpiresAt) <= now.getTime()) {
      await this.#store.update(record.id, {
        state: 'error',
        stateReason: 'token_expired',
        stateMessage: null,
        updatedAt: now.toISOString(),
      });
      throw new TokenExpiredError();
    }
    this.#devices.forget(record.serialNumber);
    await this.#db.transaction(async tx => {
      await tx.systems.update(record.id, {
        credentialsSealed: this.#secrets.encrypt(JSON.stringify(request.credentials), credentialsContext(record.id)),
        tokenHash: null,
        tokenSealed: null,
        tokenExpiresAt: null,
        // Known for sure only after the first status read, which follows right away.
        state: 'unknown',
        stateReason: null,
        stateMessage: null,
        firstRegisteredAt: record.firstRegisteredAt ?? now.toISOString(),
        updatedAt: now.toISOString(),
      });
      // The device itself confirmed: the actor is the device, never the credentials it sent.
      await audit(tx, `device:${record.serialNumber}`, 'system.pair', record, {}, now.toISOString());
    });
    this.#logger.info(`COMtrexx ${record.serialNumber} paired`);
    return record.id;
  }

  /** Reads the device now and stores its state; never throws for device trouble. */
  async refresh(id: string): Promise<CccSystem> {
    const record = await this.#require(id);
    const now = this.#now();
    const nowIso = now.toISOString();

    if (!record.credentialsSealed) {
      // Not paired: the only thing that changes by itself is token expiry.
      if (
        record.state === 'token_pending' &&
        record.tokenExpiresAt &&
        Date.parse(record.tokenExpiresAt) <= now.getTime()
      ) {
        return this.#toApi(
          await this.#save(record.id, {
            state: 'error',
            stateReason: 'token_expired',
            stateMessage: null,
            updatedAt: nowIso,
          }),
        );
      }
      return this.#toApi(record);
    }

    let status: DeviceStatus;
    try {
      status = await this.#devices.getStatus(this.#target(record, record.credentialsSealed));
    } catch (error) {
      return this.#toApi(await this.#recordFailure(record, error as Error, nowIso));
    }

    const facts = {
      model: status.info.model,
      firmwareVersion: status.info.firmwareVersion,
      macAddress: status.info.macAddress,
      hostname: status.info.hostname,
      maintenance: status.maintenance,
      monitoringEnabled: status.access.monitoringEnabled,
      remoteConfigEnabled: status.access.remoteConfigEnabled,
      remoteSessionActive: await this.#remoteSessionActive(record, status),
    };
    let state: Pick<SystemRecord, 'state' | 'stateReason'> = { state: 'paired_ok', stateReason: null };
    if (compareFirmware(facts.firmwareVersion, MIN_FIRMWARE_VERSION) < 0) {
      state = { state: 'paired_restricted', stateReason: 'firmware_too_old' };
    } else if (!facts.maintenance.active) {
      state = { state: 'paired_restricted', stateReason: 'maintenance_inactive' };
    }
    return this.#toApi(
      await this.#save(record.id, {
        ...state,
        stateMessage: null,
        deviceFacts: facts,
        lastSeenAt: nowIso,
        updatedAt: nowIso,
      }),
    );
  }

  /**
   * Refreshes every system through the shared job runner: a few at a time,
   * each with its own time limit, so one slow device cannot stall the round.
   */
  async refreshAll(signal?: AbortSignal, options: { concurrency?: number; itemTimeoutMs?: number; shard?: Shard } = {}) {
    const ids = inShard(await this.#store.list(), options.shard).map(r => r.id);
    return runBounded(ids, id => this.refresh(id), {
      concurrency: options.concurrency ?? 8,
      itemTimeoutMs: options.itemTimeoutMs ?? 60_000,
      signal,
      // Deleted meanwhile (404), a database hiccup or a hanging device: the next round tries again.
      onError: (id, error) => this.#logger.warn(`Status poll of system ${id} failed: ${error.message}`),
    });
  }

  /** Deletes a system and all its data; only its owner may. */
  async delete(id: string, userRef: string): Promise<void> {
    const record = await this.#require(id);
    if (record.ownerRef !== userRef) {
      throw new NotAllowedError(`Only the owner of ${record.name} (${record.ownerRef}) may delete it`);
    }
    await this.#db.transaction(async tx => {
      await tx.systems.delete(id);
      await audit(tx, userRef, 'system.delete', record, { name: record.name, serialNumber: record.serialNumber });
    });
    this.#devices.forget(record.serialNumber);
    this.#logger.info(`Deleted COMtrexx ${record.serialNumber} (${record.id}) by ${userRef}`);
  }

  // The "active connection" indicator of the systems overview. Only asked of
  // manageable devices that allow remote configuration; a failure here says
  // nothing about the device's state, so it leaves the indicator unknown.
  async #remoteSessionActive(record: SystemRecord, status: DeviceStatus): Promise<boolean | undefined> {
    const manageable =
      status.maintenance.active && compareFirmware(status.info.firmwareVersion, MIN_FIRMWARE_VERSION) >= 0;
    if (!manageable || !status.access.remoteConfigEnabled || !record.credentialsSealed) return undefined;
    try {
      return (await this.#devices.getRemoteSession(this.#target(record, record.credentialsSealed))).active;
    } catch {
      return undefined;
    }
  }

  async #recordFailure(record: SystemRecord, error: Error, nowIso: string): Promise<SystemRecord> {
    if (error instanceof DeviceAccessRevokedError) {
      // As the manual says: access removed on the device deletes the link. Credentials go, collected data stays.
      this.#devices.forget(record.serialNumber);
      this.#logger.info(`COMtrexx ${record.serialNumber}: CCC access was revoked on the device; link removed`);
      return this.#save(record.id, {
        credentialsSealed: null,
        state: 'error',
        stateReason: 'access_revoked',
        stateMessage: error.message,
        updatedAt: nowIso,
      });
    }
    if (error instanceof DeviceRebootingError) {
      // Restarting is expected after a restore or an update: not an error, the next poll follows it.
      return this.#save(record.id, {
        state: 'unknown',
        stateReason: 'rebooting',
        stateMessage: error.message,
        updatedAt: nowIso,
      });
    }
    let reason: StateReason = 'device_error';
    if (error instanceof DeviceUnreachableError) reason = 'unreachable';
    else if (error instanceof DeviceLockedOutError) reason = 'locked_out';
    return this.#save(record.id, {
      state: 'error',
      stateReason: reason,
      stateMessage: error.message,
      updatedAt: nowIso,
    });
  }

  async #save(id: string, patch: Partial<SystemRecord>): Promise<SystemRecord> {
    const updated = await this.#store.update(id, patch);
    if (!updated) throw new NotFoundError(`System ${id} was deleted meanwhile`);
    return updated;
  }

  async #require(id: string): Promise<SystemRecord> {
    const record = await this.#store.get(id);
    if (!record) throw new NotFoundError(`No system with id ${id}`);
    return record;
  }

  #newToken() {
    const code = generatePairingToken();
    return {
      code,
      fields: {
        tokenHash: hashPairingToken(code),
        tokenSealed: this.#secrets.encrypt(code, PAIRING_TOKEN_CONTEXT),
        tokenExpiresAt: new Date(this.#now().getTime() + TOKEN_VALIDITY_MS).toISOString(),
      },
    };
  }

  #target(record: SystemRecord, credentialsSealed: string): DeviceTarget {
    return {
      serialNumber: record.serialNumber,
      baseUrl: this.#deviceUrl(record),
      credentials: JSON.parse(this.#secrets.decrypt(credentialsSealed, credentialsContext(record.id))),
      allowSelfSignedTls: record.allowSelfSignedTls,
    };
  }

  #deviceUrl(record: SystemRecord): string {
    if (record.deviceUrl) return record.deviceUrl;
    if (!this.#urlTemplate) {
      throw new DeviceUnreachableError(
        'No device address: set ccc.devices.urlTemplate or a direct URL for this system',
      );
    }
    return this.#urlTemplate.replace('{serial}', encodeURIComponent(record.serialNumber));
  }

  #toApi(record: SystemRecord): CccSystem {
    return {
      id: record.id,
      name: record.name,
      serialNumber: record.serialNumber,
      ownerRef: record.ownerRef,
      catalogOwnerRef: record.catalogOwnerRef,
      state: record.state,
      stateReason: record.stateReason,
      stateMessage: record.stateMessage,
      paired: Boolean(record.credentialsSealed),
      token:
        record.tokenSealed && record.tokenExpiresAt
          ? { code: this.#secrets.decrypt(record.tokenSealed, PAIRING_TOKEN_CONTEXT), expiresAt: record.tokenExpiresAt }
          : null,
      firstRegisteredAt: record.firstRegisteredAt,
      lastSeenAt: record.lastSeenAt,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      device: record.deviceFacts,
      deviceAddress: { url: record.deviceUrl, allowSelfSignedTls: record.allowSelfSignedTls },
    };
  }
}

async function audit(
  tx: CccStores,
  actorRef: string,
  action: string,
  system: Pick<SystemRecord, 'id'>,
  details: Record<string, unknown>,
  at: string = new Date().toISOString(),
): Promise<void> {
  await tx.audit.append({ at, actorRef, action, systemId: system.id, groupId: null, details });
}
