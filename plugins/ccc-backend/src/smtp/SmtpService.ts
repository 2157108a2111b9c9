import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  assignSmtpServerRequestSchema,
  CccSmtpCheckResult,
  CccSmtpServer,
  CccSmtpServerChoice,
  CccSystemSmtp,
  createSmtpServerRequestSchema,
  deleteSmtpServersRequestSchema,
  updateSmtpServerRequestSchema,
} from '@internal/plugin-ccc-common';
import { randomUUID } from 'node:crypto';
import { CccDatabase, CccStores } from '../database/CccDatabase';
import { SmtpServerRecord } from '../database/SmtpStore';
import { SecretBox } from '../secrets/SecretBox';
import { parse } from '../validation';
import { smtpPasswordContext } from '../secrets/secretContexts';
import { MailDeliveryError, SmtpMailer } from './SmtpMailer';

/**
 * The company's outgoing mail servers (manual: "Administration > SMTP") and
 * which one mails each system's warnings. Callers check permissions first:
 * fleet administrators manage servers, system administrators assign them.
 */
export class SmtpService {
  readonly #db: CccDatabase;
  readonly #secrets: SecretBox;
  readonly #mailer: SmtpMailer;
  readonly #now: () => Date;

  constructor(options: { db: CccDatabase; secrets: SecretBox; mailer: SmtpMailer; now?: () => Date }) {
    this.#db = options.db;
    this.#secrets = options.secrets;
    this.#mailer = options.mailer;
    this.#now = options.now ?? (() => new Date());
  }

  /** Every server with its details (for fleet administrators). */
  async list(): Promise<CccSmtpServer[]> {
    return (await this.#db.smtp.list()).map(({ systemCount, ...record }) => toApi(record, systemCount));
  }

  /** Names only, for choosing a server for a system. */
  async listChoices(): Promise<CccSmtpServerChoice[]> {
    return (await this.#db.smtp.list()).map(choice);
  }

  /** Creates a server; the password is sealed before it is stored. */
  async create(input: unknown, actorRef: string): Promise<CccSmtpServer> {
    const request = parse(createSmtpServerRequestSchema, input);
    const id = randomUUID();
    const at = this.#now().toISOString();
    const { password, ...fields } = request;
    await this.#db.transaction(async tx => {
      await tx.smtp.insert({
        id,
        ...fields,
        passwordSealed: password ? this.#secrets.encrypt(password, smtpPasswordContext(id)) : null,
        isDefault: false,
        createdAt: at,
        updatedAt: at,
      });
      // The first server becomes the default by itself: warnings need somewhere to go.
      if (request.isDefault || !(await tx.smtp.getDefault())) await tx.smtp.setDefault(id);
      await audit(tx, actorRef, 'smtp.create', null, { id, name: request.name, host: request.host, port: request.port }, at);
    });
    return this.#get(id);
  }

  /** Changes a server; an omitted password stays, null removes it. */
  async update(id: string, input: unknown, actorRef: string): Promise<CccSmtpServer> {
    const request = parse(updateSmtpServerRequestSchema, input);
    const current = await this.#require(id);
    const at = this.#now().toISOString();
    const { password, isDefault, ...fields } = request;
    await this.#db.transaction(async tx => {
      await tx.smtp.update(id, {
        ...fields,
        ...(password === undefined
          ? {}
          : { passwordSealed: password === null ? null : this.#secrets.encrypt(password, smtpPasswordContext(id)) }),
        ...(isDefault === false ? { isDefault: false } : {}),
        updatedAt: at,
      });
      if (isDefault === true) await tx.smtp.setDefault(id);
      const changed = Object.keys(request).map(k => (k === 'password' ? 'password' : k));
      await audit(tx, actorRef, 'smtp.update', null, { id, name: current.name, changed }, at);
    });
    return this.#get(id);
  }

  /** Deletes servers, all or nothing; refuses while systems depend on one. */
  async deleteMany(input: unknown, actorRef: string): Promise<void> {
    const { ids } = parse(deleteSmtpServersRequestSchema, input);
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      for (const id of ids) {
        const server = await tx.smtp.get(id);
        if (!server) throw new NotFoundError(`No SMTP server with id ${id}`);
        const assigned = await tx.smtp.countAssigned(id);
        if (assigned > 0) {
          throw new ConflictError(
            `${server.name} is assigned to ${assigned} system(s); assign them another server or remove their assignment first`,
          );
        }
        const dependents = server.isDefault ? await tx.smtp.countUnassignedSystems() : 0;
        if (dependents > 0) {
          throw new ConflictError(
            `${server.name} is the default server of ${dependents} system(s); make another server the default first`,
          );
        }
        await tx.smtp.delete(id);
        await audit(tx, actorRef, 'smtp.delete', null, { id, name: server.name }, at);
      }
    });
  }

  /** Sends a test mail to the server's recipient ("Prüfen") and reports the outcome in words. */
  async check(id: string, actorRef: string): Promise<CccSmtpCheckResult> {
    const server = await this.#require(id);
    let result: CccSmtpCheckResult;
    try {
      const { response } = await this.#mailer.send(server, {
        subject: 'COMtrexx Control Center: test mail',
        text: `This test mail was sent by ${actorRef} through the SMTP server "${server.name}" (${server.host}:${server.port}). Warnings of your COMtrexx systems will arrive the same way.`,
      });
      result = { delivered: true, message: `The mail server accepted the test mail for ${server.recipient}`, response };
    } catch (error) {
      if (!(error instanceof MailDeliveryError)) throw error;
      result = { delivered: false, message: error.message, response: error.response };
    }
    await this.#db.audit.append({
      at: this.#now().toISOString(),
      actorRef,
      action: 'smtp.check',
      systemId: null,
      groupId: null,
      details: { id, delivered: result.delivered },
    });
    return result;
  }

  /** A system's own server and the one actually used. */
  async forSystem(systemId: string): Promise<CccSystemSmtp> {
    const assigned = await this.#db.smtp.getAssigned(systemId);
    const effective = assigned ?? (await this.#db.smtp.getDefault());
    return { assigned: assigned ? choice(assigned) : null, effective: effective ? choice(effective) : null };
  }

  /** The server that mails a system's warnings, sealed record (for the alert mailer). */
  async effectiveServer(systemId: string): Promise<SmtpServerRecord | undefined> {
    return (await this.#db.smtp.getAssigned(systemId)) ?? (await this.#db.smtp.getDefault());
  }

  /** Assigns a server to a system. */
  async assign(systemId: string, input: unknown, actorRef: string): Promise<CccSystemSmtp> {
    const { smtpServerId } = parse(assignSmtpServerRequestSchema, input);
    const server = await this.#db.smtp.get(smtpServerId);
    if (!server) throw new NotFoundError(`No SMTP server with id ${smtpServerId}`);
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      await tx.smtp.assign(systemId, smtpServerId, actorRef, at);
      await audit(tx, actorRef, 'smtp.assign', systemId, { smtpServerId, name: server.name }, at);
    });
    return this.forSystem(systemId);
  }

  /** Removes a system's assignment: it falls back to the default server. */
  async unassign(systemId: string, actorRef: string): Promise<CccSystemSmtp> {
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      if (!(await tx.smtp.unassign(systemId))) {
        throw new ConflictError('This system has no SMTP server of its own; it already uses the default server');
      }
      await audit(tx, actorRef, 'smtp.unassign', systemId, {}, at);
    });
    return this.forSystem(systemId);
  }

  async #get(id: string): Promise<CccSmtpServer> {
    const found = (await this.#db.smtp.list()).find(s => s.id === id);
    if (!found) throw new NotFoundError(`No SMTP server with id ${id}`);
    const { systemCount, ...record } = found;
    return toApi(record, systemCount);
  }

  async #require(id: string): Promise<SmtpServerRecord> {
    const server = await this.#db.smtp.get(id);
    if (!server) throw new NotFoundError(`No SMTP server with id ${id}`);
    return server;
  }
}

function toApi(record: SmtpServerRecord, systemCount: number): CccSmtpServer {
  const { passwordSealed, ...rest } = record;
  return { ...rest, passwordSet: passwordSealed !== null, systemCount };
}

function choice(record: SmtpServerRecord): CccSmtpServerChoice {
  return { id: record.id, name: record.name, isDefault: record.isDefault };
}

async function audit(
  tx: CccStores,
  actorRef: string,
  action: string,
  systemId: string | null,
  details: Record<string, unknown>,
  at: string,
) {
  await tx.audit.append({ at, actorRef, action, systemId, groupId: null, details });
}
