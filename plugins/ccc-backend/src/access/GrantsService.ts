import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  CccAccessEntry,
  CccGrant,
  deleteGrantsRequestSchema,
  setGrantRequestSchema,
  transferOwnershipRequestSchema,
} from '@internal/plugin-ccc-common';
import { CccDatabase } from '../database/CccDatabase';
import { parse } from '../validation';
import { Directory } from './CatalogDirectory';

/**
 * Grants of roles on systems ("Berechtigungen") and who holds which role
 * ("Access" tab). Callers check the permission to manage grants first.
 */
export class GrantsService {
  readonly #db: CccDatabase;
  readonly #directory: Directory;
  readonly #now: () => Date;

  constructor(options: { db: CccDatabase; directory: Directory; now?: () => Date }) {
    this.#db = options.db;
    this.#directory = options.directory;
    this.#now = options.now ?? (() => new Date());
  }

  /** Sets the roles of a user or catalog group on a system; returns the grant. */
  async set(systemId: string, input: unknown, actorRef: string): Promise<CccGrant> {
    const request = parse(setGrantRequestSchema, input);
    const system = await this.#requireSystem(systemId);
    if (request.subjectRef === system.ownerRef) {
      throw new InputError(`${request.subjectRef} owns ${system.name} and has every right on it already`);
    }
    if (!(await this.#directory.exists(request.subjectRef))) {
      throw new InputError(`There is no user or group ${request.subjectRef} in the catalog`);
    }
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      await tx.access.setGrant({ systemId, subjectRef: request.subjectRef, roles: request.roles, grantedBy: actorRef, at });
      await tx.audit.append({
        at,
        actorRef,
        action: 'grant.set',
        systemId,
        groupId: null,
        details: { subjectRef: request.subjectRef, roles: request.roles },
      });
    });
    return (await this.#db.access.getGrant(systemId, request.subjectRef))!;
  }

  /** Removes all roles of one subject on one system. */
  async delete(systemId: string, subjectRef: string, actorRef: string): Promise<void> {
    await this.deleteMany([{ systemId, subjectRef }], actorRef);
  }

  /** Removes several grants at once; all or nothing, 404 naming the first that does not exist. */
  async deleteMany(items: Array<{ systemId: string; subjectRef: string }>, actorRef: string): Promise<void> {
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      for (const { systemId, subjectRef } of items) {
        if (!(await tx.access.deleteGrant(systemId, subjectRef))) {
          throw new NotFoundError(`${subjectRef} has no roles granted on system ${systemId}`);
        }
        await tx.audit.append({ at, actorRef, action: 'grant.delete', systemId, groupId: null, details: { subjectRef } });
      }
    });
  }

  /** Validates a bulk-delete body. */
  parseDeleteMany(input: unknown) {
    return parse(deleteGrantsRequestSchema, input).items;
  }

  /** The grants `userRef` has given (last changed), for the "Berechtigungen" page. */
  async listGivenBy(userRef: string): Promise<CccGrant[]> {
    return this.#db.access.listGrantsBy(userRef);
  }

  /** Everyone's roles on a system and where they come from. */
  async accessOf(systemId: string): Promise<CccAccessEntry[]> {
    await this.#requireSystem(systemId);
    const assignments = await this.#db.access.roleAssignments([systemId]);
    return assignments.map(a => ({ subjectRef: a.holderRef, role: a.role, source: a.source }));
  }

  /** Hands a system to another catalog user; the caller checks that the actor may (owner only). */
  async transferOwnership(systemId: string, input: unknown, actorRef: string): Promise<{ ownerRef: string }> {
    const { ownerRef } = parse(transferOwnershipRequestSchema, input);
    const system = await this.#requireSystem(systemId);
    if (system.ownerRef === ownerRef) throw new ConflictError(`${ownerRef} already owns ${system.name}`);
    if (!(await this.#directory.exists(ownerRef))) throw new InputError(`There is no user ${ownerRef} in the catalog`);
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      await tx.systems.update(systemId, { ownerRef, updatedAt: at });
      await tx.audit.append({
        at,
        actorRef,
        action: 'system.owner.transfer',
        systemId,
        groupId: null,
        details: { from: system.ownerRef, to: ownerRef },
      });
    });
    return { ownerRef };
  }

  async #requireSystem(systemId: string) {
    const system = await this.#db.systems.get(systemId);
    if (!system) throw new NotFoundError(`No system with id ${systemId}`);
    return system;
  }
}
