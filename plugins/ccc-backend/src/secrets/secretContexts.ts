/*
 * Every encrypted column of the CCC database and the context its values are
 * bound to. The context is the AES-GCM associated data: a sealed value copied
 * into another row does not decrypt there. Key rotation walks this list, so a
 * new encrypted column must be added here to be rotated.
 */

/** Context of a system's device API credentials (JSON of user name and password). */
export function credentialsContext(systemId: string): string {
  return `system:${systemId}:device-credentials`;
}

/** Encryption context of a server's password: a sealed password cannot be moved to another server. */
export function smtpPasswordContext(serverId: string): string {
  return `smtp:${serverId}:password`;
}

/** Context of a remote link's device session URL, bound to the hash of the link's token. */
export function remoteSessionContext(tokenHash: string): string {
  return `remote:${tokenHash}`;
}

/** Context of a pending pairing token (kept only to show it again; its hash is what pairing checks). */
export const PAIRING_TOKEN_CONTEXT = '';

/** One encrypted column: where it lives and how to compute a row's context. */
export interface SealedColumn {
  table: string;
  /** The primary key column. */
  key: string;
  column: string;
  context(key: string): string;
}

/** All encrypted columns. */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'systems', key: 'id', column: 'credentials_sealed', context: credentialsContext },
  { table: 'systems', key: 'id', column: 'token_sealed', context: () => PAIRING_TOKEN_CONTEXT },
  { table: 'smtp_servers', key: 'id', column: 'password_sealed', context: smtpPasswordContext },
  { table: 'remote_links', key: 'token_hash', column: 'session_url_sealed', context: remoteSessionContext },
];
