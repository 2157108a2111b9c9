import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CccDatabase, createCccDatabase } from '../database/CccDatabase';
import { migrateDatabase } from '../database/migrateDatabase';
import { SecretBox } from '../secrets/SecretBox';
import { SystemsService } from '../systems/SystemsService';
import { ScorecardService } from './ScorecardService';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const secrets = new SecretBox('scorecard-test-key-0123456789abcdefghijkl');
const ANNA = 'user:default/anna';
const BEN = 'user:default/ben';

/** The fleet health overview from stored facts, on both databases. */
describe.each(databases.eachSupportedId())('ScorecardService (%s)', databaseId => {
  const now = new Date('2026-11-27T12:00:00.000Z');
  let db: CccDatabase;
  let systems: SystemsService;
  let scorecards: ScorecardService;

  beforeEach(async () => {
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    systems = new SystemsService({ db, secrets, devices: {} as never, logger: mockServices.logger.mock(), now: () => now });
    scorecards = new ScorecardService({ db, systems, now: () => now });
  });

  async function pairedSystem(name: string, serialNumber: string, owner: string) {
    const { system } = await systems.register({ name, serialNumber }, owner);
    await db.systems.update(system.id, {
      state: 'paired_ok',
      credentialsSealed: 'sealed',
      lastSeenAt: '2026-11-27T11:59:00.000Z',
      deviceFacts: { model: 'COMtrexx Business', firmwareVersion: '2.6.2', maintenance: { active: true, validUntil: '2027-12-31' } },
    });
    return system.id;
  }

  it('scores from stored registration, load, backups and SMTP, worst first, filtered by permission', async () => {
    const good = await pairedSystem('Gut', 'CTX000000001', ANNA);
    const bad = await pairedSystem('Schlecht', 'CTX000000002', BEN);
    const at = now.toISOString();
    await db.smtp.insert({
      id: '5e1d5e1d-0000-4000-8000-000000000001',
      name: 'Mail',
      host: 'smtp.example.com',
      port: 587,
      username: null,
      passwordSealed: null,
      sender: 'a@example.com',
      recipient: 'b@example.com',
      noTls: false,
      isDefault: true,
      createdAt: at,
      updatedAt: at,
    });
    await db.backups.upsertStatus({ systemId: good, configured: true, lastSuccessAt: '2026-11-27T02:00:00.000Z', checkedAt: at });
    await db.backups.upsertStatus({ systemId: bad, configured: true, lastSuccessAt: '2026-11-01T02:00:00.000Z', checkedAt: at });
    const phone = (id: string, status: 'registered_encrypted' | 'not_registered') => ({
      systemId: bad,
      id,
      name: id,
      macAddress: null,
      type: 'ip' as const,
      manufacturer: null,
      model: 'D-210',
      firmwareVersion: null,
      userNumber: null,
      status,
      readAt: at,
    });
    await db.monitoring.replaceInventory(
      bad,
      [phone('p1', 'registered_encrypted'), phone('p2', 'not_registered')],
      [{ systemId: bad, id: 't1', accountName: 'A', providerName: 'sipgate', stunState: 'stun_ok', registrationState: 'not_registered', lastChange: null, readAt: at }],
    );
    const bucket = (minute: number, cpu: number) => ({
      ts: new Date(now.getTime() - minute * 60_000).toISOString(),
      n: 5,
      cpuSum: cpu * 5,
      cpuMin: cpu,
      cpuMax: cpu,
      memSum: 500 * 5,
      memMin: 500,
      memMax: 500,
      memTotal: 1000,
    });
    await db.monitoring.mergeBuckets(bad, new Map([[300, [bucket(10, 90), bucket(20, 85)]]]), {
      kind: 'monitoring',
      value: at,
      at,
    });

    const cards = await scorecards.fleet();
    expect(cards.map(c => c.name)).toEqual(['Schlecht', 'Gut']);
    const worst = cards[0];
    expect(Object.fromEntries(worst.checks.map(c => [c.id, c.status]))).toMatchObject({
      backup: 'warn',
      trunks: 'fail',
      phones: 'fail',
      load: 'warn',
      smtp: 'pass',
    });
    expect(worst.checks.find(c => c.id === 'load')?.facts).toMatchObject({ cpuAvg: 88, memPercent: 50 });
    expect(cards[1].score).toBe(100);

    const annas = await scorecards.fleet({ key: 'hasRole', roles: ['owner'], claims: [ANNA] });
    expect(annas.map(c => c.systemId)).toEqual([good]);
    expect((await scorecards.forSystem(bad)).systemId).toBe(bad);
  });
});
