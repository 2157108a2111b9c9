import { Knex } from 'knex';
import { RemoteLinkRecord, RemoteLinkStore } from './RemoteLinkStore';

/** {@link RemoteLinkStore} on knex (SQLite or PostgreSQL). */
export class DatabaseRemoteLinkStore implements RemoteLinkStore {
  constructor(private readonly knex: Knex) {}

  async insert(link: RemoteLinkRecord) {
    await this.knex('remote_links').insert({
      token_hash: link.tokenHash,
      system_id: link.systemId,
      user_ref: link.userRef,
      session_url_sealed: link.sessionUrlSealed,
      view_hash: link.viewHash,
      created_at: link.createdAt,
      open_by: link.openBy,
      opened_at: link.openedAt,
      expires_at: link.expiresAt,
    });
  }

  async get(tokenHash: string) {
    const row = await this.knex('remote_links').where({ token_hash: tokenHash }).first();
    if (!row) return undefined;
    return {
      tokenHash: row.token_hash,
      systemId: row.system_id,
      userRef: row.user_ref,
      sessionUrlSealed: row.session_url_sealed,
      viewHash: row.view_hash,
      createdAt: row.created_at,
      openBy: row.open_by,
      openedAt: row.opened_at,
      expiresAt: row.expires_at,
    };
  }

  async markOpened(tokenHash: string, viewHash: string, at: string) {
    // Conditional update: of two simultaneous first opens, exactly one wins.
    const updated = await this.knex('remote_links')
      .where({ token_hash: tokenHash })
      .whereNull('opened_at')
      .update({ opened_at: at, view_hash: viewHash });
    return updated === 1;
  }

  async deleteExpired(before: string) {
    return this.knex('remote_links').where('expires_at', '<', before).delete();
  }
}
