import { ConflictError, InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  addGroupSystemRequestSchema,
  CccUserGroup,
  CccUserGroupDetails,
  createUserGroupRequestSchema,
  setGroupMemberRequestSchema,
  updateUserGroupRequestSchema,
} from '@internal/plugin-ccc-common';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CccDatabase, CccStores } from '../database/CccDatabase';
import { UserGroupRecord } from '../database/AccessStore';
import { parse } from '../validation';
import { Directory } from './CatalogDirectory';

const deleteGroupsSchema = z
  .object({ ids: z.array(z.string().uuid('ids must be group ids')).min(1, 'Select at least one group').max(500) })
  .strict();

/**
 * CCC user groups ("Benutzergruppen"): a group gives its members roles on
 * its systems. Only the group's owner changes it; anyone may join a public
 * group; systems are added by their owners or administrators (the caller
 * checks that permission on the system).
 */
export class UserGroupsService {
  readonly #db: CccDatabase;
  readonly #directory: Directory;
  readonly #now: () => Date;

  constructor(options: { db: CccDatabase; directory: Directory; now?: () => Date }) {
    this.#db = options.db;
    this.#directory = options.directory;
    this.#now = options.now ?? (() => new Date());
  }

  /** All groups of the company, each marked whether `viewerRef` is a member. */
  async list(viewerRef: string): Promise<CccUserGroup[]> {
    const mine = new Set(await this.#db.access.groupIdsOf(viewerRef));
    return (await this.#db.access.listGroups()).map(g => toApi(g, mine.has(g.id)));
  }

  /** A group with members and systems; for its owner and members only. */
  async get(id: string, viewerRef: string): Promise<CccUserGroupDetails> {
    const group = await this.#require(id);
    const members = await this.#db.access.listMembers(id);
    const member = members.some(m => m.memberRef === viewerRef);
    if (!member && group.ownerRef !== viewerRef) {
      throw new NotAllowedError(`Only the owner and the members of the group ${group.name} see its members and systems`);
    }
    return { ...toApi(group, member), members, systems: await this.#db.access.listGroupSystems(id) };
  }

  /** Creates a group owned by `actorRef`. */
  async create(input: unknown, actorRef: string): Promise<CccUserGroup> {
    const request = parse(createUserGroupRequestSchema, input);
    const at = this.#now().toISOString();
    const id = randomUUID();
    await this.#db.transaction(async tx => {
      await tx.access.insertGroup({ id, ...request, ownerRef: actorRef, createdAt: at, updatedAt: at });
      await audit(tx, actorRef, 'group.create', id, null, { name: request.name, visibility: request.visibility }, at);
    });
    return toApi((await this.#db.access.getGroup(id))!, false);
  }

  /** Changes name, description, default role or type (owner only). */
  async update(id: string, input: unknown, actorRef: string): Promise<CccUserGroup> {
    const request = parse(updateUserGroupRequestSchema, input);
    const group = await this.#requireOwned(id, actorRef, 'change');
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      await tx.access.updateGroup(id, { ...request, updatedAt: at });
      await audit(tx, actorRef, 'group.update', id, null, { ...request }, at);
    });
    const mine = new Set(await this.#db.access.groupIdsOf(actorRef));
    return toApi((await this.#db.access.getGroup(group.id))!, mine.has(id));
  }

  /** Deletes groups (owner only); all or nothing. */
  async deleteMany(input: unknown, actorRef: string): Promise<void> {
    const { ids } = parse(deleteGroupsSchema, input);
    for (const id of ids) await this.#requireOwned(id, actorRef, 'delete');
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      for (const id of ids) {
        await tx.access.deleteGroup(id);
        await audit(tx, actorRef, 'group.delete', id, null, {}, at);
      }
    });
  }

  /** Deletes one group (owner only). */
  async delete(id: string, actorRef: string): Promise<void> {
    await this.deleteMany({ ids: [id] }, actorRef);
  }

  /** `actorRef` joins a public group with its default role. */
  async join(id: string, actorRef: string): Promise<CccUserGroup> {
    const group = await this.#require(id);
    if (group.visibility !== 'public' && group.ownerRef !== actorRef) {
      throw new NotAllowedError(`${group.name} is a private group: only its owner can add members`);
    }
    const members = await this.#db.access.listMembers(id);
    if (members.some(m => m.memberRef === actorRef)) {
      throw new ConflictError(`You are already a member of ${group.name}`);
    }
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      await tx.access.setMember(id, actorRef, [group.defaultRole]);
      await audit(tx, actorRef, 'group.join', id, null, { roles: [group.defaultRole] }, at);
    });
    return toApi((await this.#db.access.getGroup(id))!, true);
  }

  /** `actorRef` leaves a group. */
  async leave(id: string, actorRef: string): Promise<void> {
    const group = await this.#require(id);
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      if (!(await tx.access.removeMember(id, actorRef))) {
        throw new ConflictError(`You are not a member of ${group.name}`);
      }
      await audit(tx, actorRef, 'group.leave', id, null, {}, at);
    });
  }

  /** Adds a member or changes their roles (owner only); without roles the group's default role. */
  async setMember(id: string, input: unknown, actorRef: string): Promise<CccUserGroupDetails> {
    const request = parse(setGroupMemberRequestSchema, input);
    const group = await this.#requireOwned(id, actorRef, 'add or change members of');
    if (!(await this.#directory.exists(request.memberRef))) {
      throw new InputError(`There is no user ${request.memberRef} in the catalog`);
    }
    const roles = request.roles ?? [group.defaultRole];
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      await tx.access.setMember(id, request.memberRef, roles);
      await audit(tx, actorRef, 'group.member.set', id, null, { memberRef: request.memberRef, roles }, at);
    });
    return this.get(id, actorRef);
  }

  /** Removes a member (owner only; members leave by themselves). */
  async removeMember(id: string, memberRef: string, actorRef: string): Promise<void> {
    await this.#requireOwned(id, actorRef, 'remove members of');
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      if (!(await tx.access.removeMember(id, memberRef))) {
        throw new NotFoundError(`${memberRef} is not a member of this group`);
      }
      await audit(tx, actorRef, 'group.member.remove', id, null, { memberRef }, at);
    });
  }

  /** Validates the body of an add-system request and returns the system id. */
  parseAddSystem(input: unknown): string {
    return parse(addGroupSystemRequestSchema, input).systemId;
  }

  /** Assigns a system to a group; group owner only, and the caller checked the system permission. */
  async addSystem(id: string, systemId: string, actorRef: string): Promise<CccUserGroupDetails> {
    await this.#requireOwned(id, actorRef, 'add systems to');
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      await tx.access.addGroupSystem(id, systemId, actorRef, at);
      await audit(tx, actorRef, 'group.system.add', id, systemId, {}, at);
    });
    return this.get(id, actorRef);
  }

  /**
   * Removes a system from a group: the group's owner may, and so may whoever
   * manages grants on the system (`mayManageSystem`, checked by the caller).
   */
  async removeSystem(id: string, systemId: string, actorRef: string, mayManageSystem: boolean): Promise<void> {
    const group = await this.#require(id);
    if (group.ownerRef !== actorRef && !mayManageSystem) {
      throw new NotAllowedError(
        `Only the owner of ${group.name} or an administrator of the system may remove it from the group`,
      );
    }
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      if (!(await tx.access.removeGroupSystem(id, systemId))) {
        throw new NotFoundError(`System ${systemId} is not assigned to ${group.name}`);
      }
      await audit(tx, actorRef, 'group.system.remove', id, systemId, {}, at);
    });
  }

  async #require(id: string): Promise<UserGroupRecord> {
    const group = await this.#db.access.getGroup(id);
    if (!group) throw new NotFoundError(`No user group with id ${id}`);
    return group;
  }

  async #requireOwned(id: string, actorRef: string, what: string): Promise<UserGroupRecord> {
    const group = await this.#require(id);
    if (group.ownerRef !== actorRef) {
      throw new NotAllowedError(`Only the owner of ${group.name} (${group.ownerRef}) may ${what} it`);
    }
    return group;
  }
}

function toApi(group: UserGroupRecord, member: boolean): CccUserGroup {
  const { updatedAt: _updatedAt, ...rest } = group;
  return { ...rest, member };
}

async function audit(
  tx: CccStores,
  actorRef: string,
  action: string,
  groupId: string,
  systemId: string | null,
  details: Record<string, unknown>,
  at: string,
) {
  await tx.audit.append({ at, actorRef, action, groupId, systemId, details });
}
