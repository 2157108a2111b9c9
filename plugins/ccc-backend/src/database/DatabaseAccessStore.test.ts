import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { systemRecord } from '../__testUtils__/systemRecord';
import { CccDatabase, createCccDatabase } from './CccDatabase';
import { migrateDatabase } from './migrateDatabase';
import { CccSystemCriteria } from './systemFilter';
import { SystemRecord } from './SystemStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const AT = '2026-11-27T08:00:00.000Z';
const ANNA = 'user:default/anna';
const BEN = 'user:default/ben';
const CARLA = 'user:default/carla';
const OPS = 'group:default/ops';

function system(id: string, name: string, ownerRef: string): SystemRecord {
  return systemRecord({ id, name, serialNumber: `CTX${id.slice(0, 9).replace(/-/g, '0').toUpperCase()}`, ownerRef });
}

const S1 = '11111111-1111-4111-8111-111111111111';
const S2 = '22222222-2222-4222-8222-222222222222';
const S3 = '33333333-3333-4333-8333-333333333333';
const G1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

describe.each(databases.eachSupportedId())('access store and SQL role filter (%s)', databaseId => {
  let db: CccDatabase;

  beforeEach(async () => {
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    // S1 owned by anna; S2 owned by ben; S3 owned by ben.
    await db.systems.insert(system(S1, 'Alpha', ANNA));
    await db.systems.insert(system(S2, 'Beta', BEN));
    await db.systems.insert(system(S3, 'Gamma', BEN));
    // carla: backup on S2 directly; ops: monitoring on S3; anna: callData on S3 through a CCC group.
    await db.access.setGrant({ systemId: S2, subjectRef: CARLA, roles: ['backup'], grantedBy: BEN, at: AT });
    await db.access.setGrant({ systemId: S3, subjectRef: OPS, roles: ['monitoring'], grantedBy: BEN, at: AT });
    await db.access.insertGroup({
      id: G1,
      name: 'Finance',
      description: '',
      defaultRole: 'callData',
      visibility: 'public',
      ownerRef: BEN,
      createdAt: AT,
      updatedAt: AT,
    });
    await db.access.setMember(G1, ANNA, ['callData']);
    await db.access.addGroupSystem(G1, S3, BEN, AT);
  });

  const names = async (criteria: CccSystemCriteria) => (await db.systems.list(criteria)).map(s => s.name);

  it('filters by role in SQL: owner, direct grant, catalog group grant, CCC group membership', async () => {
    expect(await names({ key: 'hasRole', roles: ['owner'], claims: [ANNA] })).toEqual(['Alpha']);
    expect(await names({ key: 'hasRole', roles: ['backup'], claims: [CARLA] })).toEqual(['Beta']);
    expect(await names({ key: 'hasRole', roles: ['monitoring'], claims: [CARLA, OPS] })).toEqual(['Gamma']);
    expect(await names({ key: 'hasRole', roles: ['callData'], claims: [ANNA] })).toEqual(['Gamma']);
    expect(await names({ key: 'hasRole', roles: ['owner', 'callData'], claims: [ANNA] })).toEqual(['Alpha', 'Gamma']);
    // A role nobody holds, or no claims at all, matches nothing.
    expect(await names({ key: 'hasRole', roles: ['administrator'], claims: [ANNA, BEN, CARLA, OPS] })).toEqual([]);
    expect(await names({ key: 'hasRole', roles: ['owner', 'backup'], claims: [] })).toEqual([]);
    expect(await names({ key: 'hasRole', roles: [], claims: [ANNA] })).toEqual([]);
  });

  it('combines criteria with allOf, anyOf and not', async () => {
    expect(await names({ key: 'isOwner', claims: [BEN] })).toEqual(['Beta', 'Gamma']);
    expect(
      await names({
        allOf: [
          { key: 'isOwner', claims: [BEN] },
          { key: 'hasRole', roles: ['monitoring'], claims: [OPS] },
        ],
      }),
    ).toEqual(['Gamma']);
    expect(
      await names({
        anyOf: [
          { key: 'isOwner', claims: [ANNA] },
          { key: 'hasRole', roles: ['backup'], claims: [CARLA] },
        ],
      }),
    ).toEqual(['Alpha', 'Beta']);
    expect(await names({ not: { key: 'isOwner', claims: [BEN] } })).toEqual(['Alpha']);
  });

  it('lists role assignments with their source', async () => {
    const assignments = await db.access.roleAssignments([S3]);
    expect(assignments).toEqual(
      expect.arrayContaining([
        { systemId: S3, holderRef: BEN, role: 'owner', source: { kind: 'owner' } },
        { systemId: S3, holderRef: OPS, role: 'monitoring', source: { kind: 'grant', subjectRef: OPS } },
        {
          systemId: S3,
          holderRef: ANNA,
          role: 'callData',
          source: { kind: 'userGroup', groupId: G1, groupName: 'Finance' },
        },
      ]),
    );
    expect(assignments).toHaveLength(3);
  });

  it('replaces roles of a grant and gathers grants by who gave them', async () => {
    await db.access.setGrant({ systemId: S2, subjectRef: CARLA, roles: ['backup', 'callData'], grantedBy: BEN, at: AT });
    expect(await db.access.getGrant(S2, CARLA)).toMatchObject({ roles: ['backup', 'callData'], systemName: 'Beta' });
    expect((await db.access.listGrantsBy(BEN)).map(g => [g.systemName, g.subjectRef])).toEqual([
      ['Beta', CARLA],
      ['Gamma', OPS],
    ]);
    expect(await db.access.listGrantsBy(ANNA)).toEqual([]);
    expect(await db.access.deleteGrant(S2, CARLA)).toBe(true);
    expect(await db.access.deleteGrant(S2, CARLA)).toBe(false);
  });

  it('counts members and systems of groups and removes everything with the group', async () => {
    await db.access.setMember(G1, CARLA, ['callData', 'backup']);
    expect(await db.access.getGroup(G1)).toMatchObject({ memberCount: 2, systemCount: 1 });
    expect(await db.access.listMembers(G1)).toEqual([
      { memberRef: ANNA, roles: ['callData'] },
      { memberRef: CARLA, roles: ['backup', 'callData'] },
    ]);
    expect(await db.access.groupIdsOf(CARLA)).toEqual([G1]);
    expect(await db.access.deleteGroup(G1)).toBe(true);
    expect(await names({ key: 'hasRole', roles: ['callData'], claims: [ANNA] })).toEqual([]);
    expect(await db.access.groupIdsOf(CARLA)).toEqual([]);
  });

  it('drops grants and group assignments when a system is deleted', async () => {
    await db.systems.delete(S3);
    expect(await db.access.roleAssignments([S3])).toEqual([]);
    expect(await db.access.getGroup(G1)).toMatchObject({ systemCount: 0 });
  });

  it('writes a change and its audit row together or not at all', async () => {
    await expect(
      db.transaction(async tx => {
        await tx.access.setGrant({ systemId: S1, subjectRef: CARLA, roles: ['backup'], grantedBy: ANNA, at: AT });
        await tx.audit.append({ at: AT, actorRef: ANNA, action: 'grant.set', systemId: S1, groupId: null, details: {} });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.access.getGrant(S1, CARLA)).toBeUndefined();
    expect(await db.audit.list({ limit: 10 })).toEqual([]);

    await db.transaction(async tx => {
      await tx.audit.append({ at: AT, actorRef: ANNA, action: 'a', systemId: S1, groupId: null, details: { n: 1 } });
      await tx.audit.append({ at: AT, actorRef: ANNA, action: 'b', systemId: S2, groupId: null, details: {} });
      await tx.audit.append({ at: AT, actorRef: ANNA, action: 'c', systemId: S1, groupId: null, details: {} });
    });
    const all = await db.audit.list({ limit: 10 });
    expect(all.map(e => e.action)).toEqual(['c', 'b', 'a']);
    expect((await db.audit.list({ limit: 10, systemId: S1 })).map(e => e.action)).toEqual(['c', 'a']);
    expect((await db.audit.list({ limit: 1, before: all[0].id })).map(e => e.action)).toEqual(['b']);
    expect(all[2].details).toEqual({ n: 1 });
  });
});
