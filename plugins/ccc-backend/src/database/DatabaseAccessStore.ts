import { GrantableRole, UserGroupVisibility } from '@internal/plugin-ccc-common';
import { Knex } from 'knex';
import { AccessStore, GrantRecord, RoleAssignment, UserGroupRecord } from './AccessStore';

interface RawGroupRow {
  id: string;
  name: string;
  description: string;
  default_role: string;
  visibility: string;
  owner_ref: string;
  created_at: string;
  updated_at: string;
  member_count: number | string;
  system_count: number | string;
}

/** {@link AccessStore} on knex (SQLite or PostgreSQL). */
export class DatabaseAccessStore implements AccessStore {
  constructor(private readonly knex: Knex) {}

  async roleAssignments(systemIds: string[]): Promise<RoleAssignment[]> {
    if (systemIds.length === 0) return [];
    const owners = await this.knex('systems').select('id', 'owner_ref').whereIn('id', systemIds);
    const grants = await this.knex('system_grants')
      .select('system_id', 'subject_ref', 'role')
      .whereIn('system_id', systemIds)
      .orderBy(['subject_ref', 'role']);
    const viaGroups = await this.knex('user_group_systems as gs')
      .join('user_group_members as gm', 'gm.group_id', 'gs.group_id')
      .join('user_groups as g', 'g.id', 'gs.group_id')
      .select('gs.system_id', 'gm.member_ref', 'gm.role', 'g.id as group_id', 'g.name as group_name')
      .whereIn('gs.system_id', systemIds)
      .orderBy(['g.name', 'gm.member_ref', 'gm.role']);
    return [
      ...owners.map(o => ({
        systemId: o.id,
        holderRef: o.owner_ref,
        role: 'owner' as const,
        source: { kind: 'owner' as const },
      })),
      ...grants.map(g => ({
        systemId: g.system_id,
        holderRef: g.subject_ref,
        role: g.role,
        source: { kind: 'grant' as const, subjectRef: g.subject_ref },
      })),
      ...viaGroups.map(m => ({
        systemId: m.system_id,
        holderRef: m.member_ref,
        role: m.role,
        source: { kind: 'userGroup' as const, groupId: m.group_id, groupName: m.group_name },
      })),
    ];
  }

  async setGrant(grant: { systemId: string; subjectRef: string; roles: GrantableRole[]; grantedBy: string; at: string }) {
    const { systemId, subjectRef, roles, grantedBy, at } = grant;
    await this.knex('system_grants').where({ system_id: systemId, subject_ref: subjectRef }).delete();
    await this.knex('system_grants').insert(
      roles.map(role => ({ system_id: systemId, subject_ref: subjectRef, role, granted_by: grantedBy, updated_at: at })),
    );
  }

  async deleteGrant(systemId: string, subjectRef: string): Promise<boolean> {
    return (await this.knex('system_grants').where({ system_id: systemId, subject_ref: subjectRef }).delete()) > 0;
  }

  async getGrant(systemId: string, subjectRef: string): Promise<GrantRecord | undefined> {
    const rows = await this.#grantRows().where({ 'sg.system_id': systemId, 'sg.subject_ref': subjectRef });
    return gatherGrants(rows)[0];
  }

  async listGrantsBy(userRef: string): Promise<GrantRecord[]> {
    // setGrant replaces all roles of a subject at once, so a grant's rows share one granted_by.
    const rows = await this.#grantRows().where('sg.granted_by', userRef);
    return gatherGrants(rows);
  }

  #grantRows() {
    return this.knex('system_grants as sg')
      .join('systems as s', 's.id', 'sg.system_id')
      .select(
        'sg.system_id',
        's.name as system_name',
        's.serial_number',
        'sg.subject_ref',
        'sg.role',
        'sg.granted_by',
        'sg.updated_at',
      )
      .orderBy([{ column: 's.name' }, { column: 'sg.system_id' }, { column: 'sg.subject_ref' }, { column: 'sg.role' }]);
  }

  async insertGroup(group: Omit<UserGroupRecord, 'memberCount' | 'systemCount'>): Promise<void> {
    await this.knex('user_groups').insert({
      id: group.id,
      name: group.name,
      description: group.description,
      default_role: group.defaultRole,
      visibility: group.visibility,
      owner_ref: group.ownerRef,
      created_at: group.createdAt,
      updated_at: group.updatedAt,
    });
  }

  async getGroup(id: string): Promise<UserGroupRecord | undefined> {
    const row = await this.#groupRows().where('g.id', id).first();
    return row ? fromGroupRow(row) : undefined;
  }

  async listGroups(): Promise<UserGroupRecord[]> {
    return (await this.#groupRows().orderBy([{ column: 'g.name' }, { column: 'g.id' }])).map(fromGroupRow);
  }

  async groupIdsOf(memberRef: string): Promise<string[]> {
    const rows = await this.knex('user_group_members').distinct('group_id').where({ member_ref: memberRef });
    return rows.map(r => r.group_id);
  }

  #groupRows() {
    const members = this.knex('user_group_members')
      .countDistinct({ n: 'member_ref' })
      .whereRaw('user_group_members.group_id = g.id');
    const systems = this.knex('user_group_systems').count({ n: '*' }).whereRaw('user_group_systems.group_id = g.id');
    return this.knex('user_groups as g').select(
      'g.*',
      this.knex.raw('(?) as member_count', [members]),
      this.knex.raw('(?) as system_count', [systems]),
    );
  }

  async updateGroup(
    id: string,
    patch: Partial<Pick<UserGroupRecord, 'name' | 'description' | 'defaultRole' | 'visibility' | 'updatedAt'>>,
  ): Promise<void> {
    const row: Record<string, unknown> = {
      name: patch.name,
      description: patch.description,
      default_role: patch.defaultRole,
      visibility: patch.visibility,
      updated_at: patch.updatedAt,
    };
    for (const key of Object.keys(row)) if (row[key] === undefined) delete row[key];
    if (Object.keys(row).length > 0) await this.knex('user_groups').where({ id }).update(row);
  }

  async deleteGroup(id: string): Promise<boolean> {
    // Children first: foreign keys cascade on both databases, but an explicit
    // delete does not depend on SQLite's foreign_keys pragma being on.
    await this.knex('user_group_members').where({ group_id: id }).delete();
    await this.knex('user_group_systems').where({ group_id: id }).delete();
    return (await this.knex('user_groups').where({ id }).delete()) > 0;
  }

  async listMembers(groupId: string) {
    const rows = await this.knex('user_group_members')
      .select('member_ref', 'role')
      .where({ group_id: groupId })
      .orderBy(['member_ref', 'role']);
    const byMember = new Map<string, GrantableRole[]>();
    for (const row of rows) byMember.set(row.member_ref, [...(byMember.get(row.member_ref) ?? []), row.role]);
    return [...byMember].map(([memberRef, roles]) => ({ memberRef, roles }));
  }

  async setMember(groupId: string, memberRef: string, roles: GrantableRole[]): Promise<void> {
    await this.knex('user_group_members').where({ group_id: groupId, member_ref: memberRef }).delete();
    await this.knex('user_group_members').insert(roles.map(role => ({ group_id: groupId, member_ref: memberRef, role })));
  }

  async removeMember(groupId: string, memberRef: string): Promise<boolean> {
    return (await this.knex('user_group_members').where({ group_id: groupId, member_ref: memberRef }).delete()) > 0;
  }

  async listGroupSystems(groupId: string) {
    const rows = await this.knex('user_group_systems as gs')
      .join('systems as s', 's.id', 'gs.system_id')
      .select('s.id', 's.name', 's.serial_number')
      .where('gs.group_id', groupId)
      .orderBy(['s.name', 's.id']);
    return rows.map(r => ({ systemId: r.id, name: r.name, serialNumber: r.serial_number }));
  }

  async addGroupSystem(groupId: string, systemId: string, addedBy: string, at: string): Promise<void> {
    await this.knex('user_group_systems')
      .insert({ group_id: groupId, system_id: systemId, added_by: addedBy, added_at: at })
      .onConflict(['group_id', 'system_id'])
      .ignore();
  }

  async removeGroupSystem(groupId: string, systemId: string): Promise<boolean> {
    return (await this.knex('user_group_systems').where({ group_id: groupId, system_id: systemId }).delete()) > 0;
  }
}

function gatherGrants(
  rows: Array<{
    system_id: string;
    system_name: string;
    serial_number: string;
    subject_ref: string;
    role: GrantableRole;
    granted_by: string;
    updated_at: string;
  }>,
): GrantRecord[] {
  const grants = new Map<string, GrantRecord>();
  for (const row of rows) {
    const key = `${row.system_id} ${row.subject_ref}`;
    const grant = grants.get(key);
    if (grant) {
      grant.roles.push(row.role);
      if (row.updated_at > grant.updatedAt) grant.updatedAt = row.updated_at;
    } else {
      grants.set(key, {
        systemId: row.system_id,
        systemName: row.system_name,
        serialNumber: row.serial_number,
        subjectRef: row.subject_ref,
        roles: [row.role],
        grantedBy: row.granted_by,
        updatedAt: row.updated_at,
      });
    }
  }
  return [...grants.values()];
}

function fromGroupRow(row: RawGroupRow): UserGroupRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    defaultRole: row.default_role as GrantableRole,
    visibility: row.visibility as UserGroupVisibility,
    ownerRef: row.owner_ref,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    // PostgreSQL returns counts as strings (bigint).
    memberCount: Number(row.member_count),
    systemCount: Number(row.system_count),
  };
}
