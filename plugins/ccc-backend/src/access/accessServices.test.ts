import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CccDatabase, createCccDatabase } from '../database/CccDatabase';
import { migrateDatabase } from '../database/migrateDatabase';
import { SecretBox } from '../secrets/SecretBox';
import { SystemsService } from '../systems/SystemsService';
import { Directory } from './CatalogDirectory';
import { GrantsService } from './GrantsService';
import { UserGroupsService } from './UserGroupsService';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ANNA = 'user:default/anna';
const BEN = 'user:default/ben';
const EVA = 'user:default/eva';
const OPS = 'group:default/ops';

// The catalog as far as these services ask it: which users and groups exist.
const directory: Directory = { exists: async ref => [ANNA, BEN, EVA, OPS].includes(ref) };

describe.each(databases.eachSupportedId())('grants and user groups (%s)', databaseId => {
  let db: CccDatabase;
  let grants: GrantsService;
  let groups: UserGroupsService;
  let systemId: string;

  beforeEach(async () => {
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    const systems = new SystemsService({
      db,
      secrets: new SecretBox('access-services-test-key-0123456789abcdef'),
      devices: {} as never,
      logger: mockServices.logger.mock(),
    });
    systemId = (await systems.register({ name: 'Zentrale', serialNumber: 'CTX000111222' }, ANNA)).system.id;
    grants = new GrantsService({ db, directory });
    groups = new UserGroupsService({ db, directory });
  });

  const auditActions = async () => (await db.audit.list({ limit: 100 })).map(e => e.action).reverse();

  it('grants roles to users and catalog groups, audited', async () => {
    expect(await grants.set(systemId, { subjectRef: BEN, roles: ['backup', 'backup', 'callData'] }, ANNA)).toMatchObject({
      subjectRef: BEN,
      roles: ['backup', 'callData'],
      grantedBy: ANNA,
    });
    await grants.set(systemId, { subjectRef: OPS, roles: ['monitoring'] }, ANNA);
    expect((await grants.listGivenBy(ANNA)).map(g => g.subjectRef)).toEqual([OPS, BEN]);
    expect(await auditActions()).toEqual(['system.register', 'grant.set', 'grant.set']);
  });

  it('refuses unknown users, unknown roles, the owner and malformed refs with a sentence, changing nothing', async () => {
    await expect(grants.set(systemId, { subjectRef: 'user:default/ghost', roles: ['backup'] }, ANNA)).rejects.toThrow(
      new InputError('There is no user or group user:default/ghost in the catalog'),
    );
    await expect(grants.set(systemId, { subjectRef: BEN, roles: ['superuser'] }, ANNA)).rejects.toThrow(
      /roles.0: Roles are administrator, monitoring, backup, callData/,
    );
    await expect(grants.set(systemId, { subjectRef: BEN, roles: ['owner'] }, ANNA)).rejects.toThrow(InputError);
    await expect(grants.set(systemId, { subjectRef: BEN, roles: [] }, ANNA)).rejects.toThrow(/Choose at least one role/);
    await expect(grants.set(systemId, { subjectRef: 'ben', roles: ['backup'] }, ANNA)).rejects.toThrow(
      /full entity reference/,
    );
    await expect(grants.set(systemId, { subjectRef: ANNA, roles: ['backup'] }, ANNA)).rejects.toThrow(/owns Zentrale/);
    await expect(grants.set('no-such-id', { subjectRef: BEN, roles: ['backup'] }, ANNA)).rejects.toThrow(NotFoundError);
    expect(await grants.listGivenBy(ANNA)).toEqual([]);
    expect(await auditActions()).toEqual(['system.register']);
  });

  it('deletes grants all or nothing', async () => {
    await grants.set(systemId, { subjectRef: BEN, roles: ['backup'] }, ANNA);
    const items = grants.parseDeleteMany({ items: [{ systemId, subjectRef: BEN }, { systemId, subjectRef: EVA }] });
    await expect(grants.deleteMany(items, ANNA)).rejects.toThrow(NotFoundError);
    expect(await db.access.getGrant(systemId, BEN)).toBeDefined();
    await grants.delete(systemId, BEN, ANNA);
    expect(await db.access.getGrant(systemId, BEN)).toBeUndefined();
    expect(() => grants.parseDeleteMany({ items: [] })).toThrow(/Select at least one grant/);
  });

  it('hands ownership to another catalog user', async () => {
    await expect(grants.transferOwnership(systemId, { ownerRef: 'user:default/ghost' }, ANNA)).rejects.toThrow(InputError);
    await expect(grants.transferOwnership(systemId, { ownerRef: ANNA }, ANNA)).rejects.toThrow(ConflictError);
    await expect(grants.transferOwnership(systemId, { ownerRef: OPS }, ANNA)).rejects.toThrow(/user as a full entity/);
    await grants.transferOwnership(systemId, { ownerRef: BEN }, ANNA);
    expect((await db.systems.get(systemId))?.ownerRef).toBe(BEN);
    expect((await db.audit.list({ limit: 1 }))[0]).toMatchObject({
      action: 'system.owner.transfer',
      details: { from: ANNA, to: BEN },
    });
  });

  it('runs user groups: create, join public, refuse private, members with roles, systems', async () => {
    const open = await groups.create({ name: 'NOC', defaultRole: 'monitoring', visibility: 'public' }, ANNA);
    const closed = await groups.create(
      { name: 'Finance', description: 'Call data', defaultRole: 'callData', visibility: 'private' },
      ANNA,
    );
    expect(open).toMatchObject({ ownerRef: ANNA, memberCount: 0, systemCount: 0, member: false, description: '' });

    expect(await groups.join(open.id, EVA)).toMatchObject({ member: true, memberCount: 1 });
    await expect(groups.join(open.id, EVA)).rejects.toThrow(ConflictError);
    await expect(groups.join(closed.id, EVA)).rejects.toThrow(
      new NotAllowedError('Finance is a private group: only its owner can add members'),
    );
    expect((await groups.get(closed.id, ANNA)).members).toEqual([]);

    await groups.setMember(closed.id, { memberRef: BEN }, ANNA);
    await groups.setMember(closed.id, { memberRef: EVA, roles: ['callData', 'backup'] }, ANNA);
    await expect(groups.setMember(closed.id, { memberRef: 'user:default/ghost' }, ANNA)).rejects.toThrow(InputError);
    await expect(groups.setMember(closed.id, { memberRef: BEN }, EVA)).rejects.toThrow(NotAllowedError);
    await groups.addSystem(closed.id, systemId, ANNA);
    const details = await groups.get(closed.id, BEN);
    expect(details.members).toEqual([
      { memberRef: BEN, roles: ['callData'] },
      { memberRef: EVA, roles: ['backup', 'callData'] },
    ]);
    expect(details.systems).toEqual([{ systemId, name: 'Zentrale', serialNumber: 'CTX000111222' }]);
    // Others see the list entry, not the members.
    await expect(groups.get(open.id, BEN)).rejects.toThrow(NotAllowedError);
    expect((await groups.list(BEN)).map(g => [g.name, g.member])).toEqual([
      ['Finance', true],
      ['NOC', false],
    ]);

    await expect(groups.removeSystem(closed.id, systemId, BEN, false)).rejects.toThrow(NotAllowedError);
    await groups.removeSystem(closed.id, systemId, BEN, true);
    await groups.leave(closed.id, EVA);
    await expect(groups.leave(closed.id, EVA)).rejects.toThrow(ConflictError);
    await expect(groups.update(closed.id, { visibility: 'open' }, ANNA)).rejects.toThrow(/public or private/);
    await expect(groups.update(closed.id, {}, ANNA)).rejects.toThrow(/Change at least one/);
    await expect(groups.update(closed.id, { name: 'X' }, BEN)).rejects.toThrow(NotAllowedError);
    await expect(groups.deleteMany({ ids: [open.id, closed.id] }, BEN)).rejects.toThrow(NotAllowedError);
    expect(await groups.list(ANNA)).toHaveLength(2);
    await groups.deleteMany({ ids: [open.id, closed.id] }, ANNA);
    expect(await groups.list(ANNA)).toEqual([]);
    expect(await auditActions()).toEqual([
      'system.register',
      'group.create',
      'group.create',
      'group.join',
      'group.member.set',
      'group.member.set',
      'group.system.add',
      'group.system.remove',
      'group.leave',
      'group.delete',
      'group.delete',
    ]);
  });
});
