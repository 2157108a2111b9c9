import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createCccDatabase } from '../database/CccDatabase';
import { SystemStore } from '../database/SystemStore';
import { migrateDatabase } from '../database/migrateDatabase';
import { DeviceClient, DeviceStatus } from '../device/DeviceClient';
import {
  DeviceAccessRevokedError,
  DeviceLockedOutError,
  DeviceRebootingError,
  DeviceUnreachableError,
} from '../device/errors';
import { SecretBox } from '../secrets/SecretBox';
import { SystemsService, TokenExpiredError } from './SystemsService';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const OWNER = 'user:default/anna';
const SERIAL = 'CTX000111222';
const secrets = new SecretBox('systems-service-test-key-0123456789abcdef');

function okStatus(overrides: Partial<DeviceStatus['info']> = {}, maintenanceActive = true): DeviceStatus {
  return {
    info: { serialNumber: SERIAL, model: 'COMtrexx Advanced', firmwareVersion: '2.6.0', ...overrides },
    access: { state: 'confirmed', monitoringEnabled: true, remoteConfigEnabled: false },
    maintenance: { active: maintenanceActive, validUntil: '2027-06-30' },
  };
}

describe.each(databases.eachSupportedId())('SystemsService (%s)', databaseId => {
  let clock: Date;
  let devices: jest.Mocked<DeviceClient>;
  let service: SystemsService;
  let store: SystemStore;

  beforeEach(async () => {
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    const db = createCccDatabase(knex);
    store = db.systems;
    clock = new Date('2026-11-27T08:00:00.000Z');
    // SystemsService only reads the status and forgets sessions; every other device call fails loudly.
    devices = new Proxy({ getStatus: jest.fn(), forget: jest.fn() } as unknown as jest.Mocked<DeviceClient>, {
      get: (known, name) => {
        if (name in known) return known[name as keyof DeviceClient];
        throw new Error(`SystemsService called the unexpected device method ${String(name)}`);
      },
    });
    service = new SystemsService({
      db,
      secrets,
      devices,
      logger: mockServices.logger.mock(),
      deviceUrlTemplate: 'http://devices.test/{serial}',
      now: () => clock,
    });
  });

  const credentials = { username: 'ccc-api', password: 'device-pass-1234' };
  const register = () => service.register({ name: 'Zentrale', serialNumber: ' ctx000111222 ' }, OWNER);

  it('registers many systems row by row, saying why a row was refused', async () => {
    await register();
    const results = await service.registerMany(
      {
        items: [
          { name: 'Nord', serialNumber: 'ctx000333444' },
          { name: 'Süd', serialNumber: 'CTX000333444' },
          { name: 'Ost', serialNumber: 'not-a-serial' },
          { name: 'Alt', serialNumber: SERIAL },
          'just text',
        ],
      },
      OWNER,
    );
    expect(results.map(r => [r.row, r.serialNumber, r.ok])).toEqual([
      [1, 'CTX000333444', true],
      [2, 'CTX000333444', false],
      [3, 'NOT-A-SERIAL', false],
      [4, SERIAL, false],
      [5, null, false],
    ]);
    expect(results[0].token?.code).toMatch(/^[A-Z2-9]{4}-/);
    expect(results[1].error).toBe('A COMtrexx with serial number CTX000333444 is already registered');
    expect(results[2].error).toMatch(/10 to 12 letters and digits/);
    expect((await service.list()).map(s => s.name).sort()).toEqual(['Nord', 'Zentrale']);
    await expect(service.registerMany({ items: [] }, OWNER)).rejects.toThrow(/at least one system/);
    await expect(
      service.registerMany({ items: Array(1001).fill({ name: 'x', serialNumber: SERIAL }) }, OWNER),
    ).rejects.toThrow(/At most 1000/);
  });

  it('registers with a normalised serial and a token valid for 24 hours', async () => {
    const { system, token } = await register();
    expect(system).toMatchObject({
      name: 'Zentrale',
      serialNumber: SERIAL,
      ownerRef: OWNER,
      catalogOwnerRef: OWNER,
      state: 'token_pending',
      paired: false,
      firstRegisteredAt: null,
    });
    expect(token.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(token.expiresAt).toBe('2026-11-28T08:00:00.000Z');
    expect(system.token).toEqual(token);
    // The token is kept hashed and sealed, never in clear.
    const stored = await store.get(system.id);
    expect(JSON.stringify(stored)).not.toContain(token.code);
  });

  it('refuses a malformed serial and a duplicate with clear messages', async () => {
    await expect(service.register({ name: 'X', serialNumber: 'CTX-1' }, OWNER)).rejects.toThrow(InputError);
    await expect(service.register({ name: 'X', serialNumber: 'CTX-1' }, OWNER)).rejects.toThrow(/10 to 12 letters and digits/);
    await expect(service.register({ name: '', serialNumber: SERIAL }, OWNER)).rejects.toThrow(/Enter a name/);
    await register();
    await expect(register()).rejects.toThrow(ConflictError);
    await expect(register()).rejects.toThrow(/CTX000111222 is already registered/);
    expect(await service.list()).toHaveLength(1);
  });

  it('pairs with the right token, storing the credentials encrypted', async () => {
    const { system, token } = await register();
    clock = new Date('2026-11-28T07:59:00.000Z');
    await service.pair({ serialNumber: SERIAL.toLowerCase(), token: token.code.toLowerCase(), credentials });

    const paired = await service.get(system.id);
    expect(paired).toMatchObject({ paired: true, token: null, state: 'unknown', firstRegisteredAt: '2026-11-28T07:59:00.000Z' });
    const stored = await store.get(system.id);
    expect(stored?.credentialsSealed).toBeTruthy();
    expect(stored?.credentialsSealed).not.toContain('device-pass-1234');
    expect(JSON.stringify(paired)).not.toContain('device-pass-1234');
  });

  it('refuses an expired token at 24 hours and marks the system', async () => {
    const { system, token } = await register();
    clock = new Date('2026-11-28T08:00:00.000Z');
    await expect(service.pair({ serialNumber: SERIAL, token: token.code, credentials })).rejects.toThrow(TokenExpiredError);
    expect(await service.get(system.id)).toMatchObject({ state: 'error', stateReason: 'token_expired', paired: false });
  });

  it('marks an unused token as expired in the status poll', async () => {
    const { system } = await register();
    clock = new Date('2026-11-28T07:59:59.000Z');
    expect((await service.refresh(system.id)).state).toBe('token_pending');
    clock = new Date('2026-11-28T08:00:01.000Z');
    expect(await service.refresh(system.id)).toMatchObject({ state: 'error', stateReason: 'token_expired' });
    expect(devices.getStatus).not.toHaveBeenCalled();
  });

  it('refuses a wrong token or an unknown serial', async () => {
    await register();
    await expect(service.pair({ serialNumber: SERIAL, token: 'AAAA-BBBB-CCCC', credentials })).rejects.toThrow(NotAllowedError);
    await expect(service.pair({ serialNumber: 'CTX999999999', token: 'AAAA-BBBB-CCCC', credentials })).rejects.toThrow(NotFoundError);
    await expect(service.pair({ serialNumber: SERIAL, token: '', credentials })).rejects.toThrow(InputError);
  });

  it('renews: the new token works, the old one is dead', async () => {
    const { system, token: first } = await register();
    const second = await service.renewToken(system.id, OWNER);
    expect(second.code).not.toBe(first.code);
    await expect(service.pair({ serialNumber: SERIAL, token: first.code, credentials })).rejects.toThrow(/wrong/);
    await service.pair({ serialNumber: SERIAL, token: second.code, credentials });
    expect((await service.get(system.id)).paired).toBe(true);
  });

  it('renewing gives an expired pairing a fresh 24 hours', async () => {
    const { system } = await register();
    clock = new Date('2026-11-29T09:00:00.000Z');
    const renewed = await service.renewToken(system.id, OWNER);
    expect(renewed.expiresAt).toBe('2026-11-30T09:00:00.000Z');
    expect((await service.get(system.id)).state).toBe('token_pending');
  });

  it('cancels a pending pairing', async () => {
    const { system, token } = await register();
    await service.cancelToken(system.id, OWNER);
    expect(await service.get(system.id)).toMatchObject({ token: null, state: 'error', stateReason: 'not_paired' });
    await expect(service.pair({ serialNumber: SERIAL, token: token.code, credentials })).rejects.toThrow(NotAllowedError);
    await expect(service.cancelToken(system.id, OWNER)).rejects.toThrow(ConflictError);
  });

  it('follows the device: ok, restricted by maintenance or firmware, unreachable', async () => {
    const { system, token } = await register();
    await service.pair({ serialNumber: SERIAL, token: token.code, credentials });

    devices.getStatus.mockResolvedValueOnce(okStatus());
    expect(await service.refresh(system.id)).toMatchObject({
      state: 'paired_ok',
      stateReason: null,
      device: { model: 'COMtrexx Advanced', firmwareVersion: '2.6.0', maintenance: { active: true } },
      lastSeenAt: clock.toISOString(),
    });
    expect(devices.getStatus).toHaveBeenCalledWith({
      serialNumber: SERIAL,
      baseUrl: `http://devices.test/${SERIAL}`,
      credentials,
      allowSelfSignedTls: false,
    });

    devices.getStatus.mockResolvedValueOnce(okStatus({}, false));
    expect(await service.refresh(system.id)).toMatchObject({ state: 'paired_restricted', stateReason: 'maintenance_inactive' });

    devices.getStatus.mockResolvedValueOnce(okStatus({ firmwareVersion: '2.4.2' }));
    expect(await service.refresh(system.id)).toMatchObject({ state: 'paired_restricted', stateReason: 'firmware_too_old' });

    devices.getStatus.mockRejectedValueOnce(new DeviceUnreachableError('COMtrexx CTX000111222 is not reachable: ECONNREFUSED'));
    expect(await service.refresh(system.id)).toMatchObject({
      state: 'error',
      stateReason: 'unreachable',
      stateMessage: expect.stringContaining('ECONNREFUSED'),
      paired: true,
      // What was read before is kept.
      device: { firmwareVersion: '2.4.2' },
    });

    devices.getStatus.mockRejectedValueOnce(new DeviceRebootingError(90));
    expect(await service.refresh(system.id)).toMatchObject({
      state: 'unknown',
      stateReason: 'rebooting',
      stateMessage: expect.stringContaining('90 seconds'),
      paired: true,
    });

    devices.getStatus.mockRejectedValueOnce(new DeviceLockedOutError(60));
    expect(await service.refresh(system.id)).toMatchObject({ state: 'error', stateReason: 'locked_out', paired: true });
  });

  it('uses a direct device URL when one is set', async () => {
    const { system, token } = await register();
    await service.pair({ serialNumber: SERIAL, token: token.code, credentials });
    await service.update(system.id, { deviceAddress: { url: 'https://192.0.2.10', allowSelfSignedTls: true } }, OWNER);
    devices.getStatus.mockResolvedValueOnce(okStatus());
    await service.refresh(system.id);
    expect(devices.getStatus).toHaveBeenLastCalledWith(
      expect.objectContaining({ baseUrl: 'https://192.0.2.10', allowSelfSignedTls: true }),
    );
    await expect(service.update(system.id, { deviceAddress: { url: 'ftp://x' } }, OWNER)).rejects.toThrow(InputError);
    await expect(service.update(system.id, {}, OWNER)).rejects.toThrow(/Nothing to change/);
    expect((await service.update(system.id, { name: 'Filiale Nord' }, OWNER)).name).toBe('Filiale Nord');
  });

  it('drops the link when access is revoked on the device, keeps the system, and re-pairs', async () => {
    const { system, token } = await register();
    await service.pair({ serialNumber: SERIAL, token: token.code, credentials });
    devices.getStatus.mockResolvedValueOnce(okStatus());
    await service.refresh(system.id);
    await expect(service.renewToken(system.id, OWNER)).rejects.toThrow(ConflictError);

    devices.getStatus.mockRejectedValueOnce(new DeviceAccessRevokedError());
    expect(await service.refresh(system.id)).toMatchObject({ state: 'error', stateReason: 'access_revoked', paired: false });
    expect((await store.get(system.id))?.credentialsSealed).toBeNull();
    expect((await service.get(system.id)).device?.model).toBe('COMtrexx Advanced');

    const again = await service.renewToken(system.id, OWNER);
    clock = new Date('2026-11-30T08:00:00.000Z');
    const renewed = await service.renewToken(system.id, OWNER);
    expect(renewed.code).not.toBe(again.code);
    await service.pair({ serialNumber: SERIAL, token: renewed.code, credentials: { username: 'ccc-2', password: 'new-pass-5678' } });
    const repaired = await service.get(system.id);
    // First registration stays the first one.
    expect(repaired).toMatchObject({ paired: true, firstRegisteredAt: '2026-11-27T08:00:00.000Z' });
  });

  it('lets only the owner delete, and deleting removes the system', async () => {
    const { system } = await register();
    await expect(service.delete(system.id, 'user:default/bob')).rejects.toThrow(/Only the owner/);
    await service.delete(system.id, OWNER);
    await expect(service.get(system.id)).rejects.toThrow(NotFoundError);
    expect(await store.getBySerial(SERIAL)).toBeUndefined();
  });

  it('polls every system and survives one that fails', async () => {
    const a = await register();
    const b = await service.register({ name: 'Filiale', serialNumber: 'CTX000333444' }, OWNER);
    await service.pair({ serialNumber: SERIAL, token: a.token.code, credentials });
    await service.pair({ serialNumber: 'CTX000333444', token: b.token.code, credentials });
    devices.getStatus.mockImplementation(async target => {
      if (target.serialNumber === SERIAL) throw new Error('garbage from device');
      return okStatus({ serialNumber: target.serialNumber });
    });
    expect(await service.refreshAll()).toMatchObject({ succeeded: 2, failed: 0 });
    expect((await service.get(a.system.id))).toMatchObject({ state: 'error', stateReason: 'device_error' });
    expect((await service.get(b.system.id)).state).toBe('paired_ok');
  });
  it('gates management: only paired systems with maintenance and current firmware pass, saying why not', async () => {
    const { system, token } = await register();
    await expect(service.requireManageable(system.id)).rejects.toMatchObject({
      status: 412,
      details: { reason: 'not_paired' },
      message: expect.stringContaining('pair it'),
    });
    await service.pair({ serialNumber: SERIAL, token: token.code, credentials });

    devices.getStatus.mockResolvedValueOnce(okStatus({}, false));
    await service.refresh(system.id);
    await expect(service.requireManageable(system.id)).rejects.toMatchObject({ details: { reason: 'maintenance_inactive' } });

    devices.getStatus.mockResolvedValueOnce(okStatus({ firmwareVersion: '2.4.3' }));
    await service.refresh(system.id);
    await expect(service.requireManageable(system.id)).rejects.toThrow(/older than 2.4.4/);

    devices.getStatus.mockResolvedValueOnce(okStatus({ firmwareVersion: '2.4.10' }));
    await service.refresh(system.id);
    await expect(service.requireManageable(system.id)).resolves.toMatchObject({ id: system.id });
  });
});

