/** A one-time link to a device's web interface. */
export interface RemoteLinkRecord {
  tokenHash: string;
  systemId: string;
  userRef: string;
  sessionUrlSealed: string;
  viewHash: string | null;
  createdAt: string;
  openBy: string;
  openedAt: string | null;
  expiresAt: string;
}

/** Persistence of remote-configuration links. */
export interface RemoteLinkStore {
  insert(link: RemoteLinkRecord): Promise<void>;
  get(tokenHash: string): Promise<RemoteLinkRecord | undefined>;
  /** Binds the link to a browser on first open; false when someone opened it already. */
  markOpened(tokenHash: string, viewHash: string, at: string): Promise<boolean>;
  /** Removes links whose session ended before `before`. */
  deleteExpired(before: string): Promise<number>;
}
