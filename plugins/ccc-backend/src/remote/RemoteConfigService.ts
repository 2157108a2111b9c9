import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CccDatabase } from '../database/CccDatabase';
import { DeviceClient } from '../device/DeviceClient';
import { SecretBox } from '../secrets/SecretBox';
import { remoteSessionContext } from '../secrets/secretContexts';
import { CccHttpError } from '../service/errors';
import { SystemsService } from '../systems/SystemsService';

/** How long a new link may wait before it is opened. */
const OPEN_WITHIN_MS = 2 * 60_000;

/** A link that can no longer be used (410). */
export class RemoteLinkGoneError extends CccHttpError {
  constructor(message: string) {
    super('RemoteLinkGoneError', message, 410);
  }
}

/** A page of the device's web interface, as fetched for the browser. */
export interface RemotePage {
  status: number;
  contentType: string | null;
  body: Buffer;
  /** Set on the first open: binds the link to this browser. */
  setViewCookie?: { name: string; value: string; path: string; maxAgeSeconds: number };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Remote configuration (manual: "Fernkonfiguration"): opens a session on the
 * device's remote-access server and hands the administrator a one-time,
 * short-lived link, bound to them, through which the backend fetches the
 * device's web interface. The device's credentials and session URL never
 * reach the browser.
 */
export class RemoteConfigService {
  readonly #db: CccDatabase;
  readonly #systems: SystemsService;
  readonly #devices: DeviceClient;
  readonly #secrets: SecretBox;
  readonly #now: () => Date;

  constructor(options: {
    db: CccDatabase;
    systems: SystemsService;
    devices: DeviceClient;
    secrets: SecretBox;
    now?: () => Date;
  }) {
    this.#db = options.db;
    this.#systems = options.systems;
    this.#devices = options.devices;
    this.#secrets = options.secrets;
    this.#now = options.now ?? (() => new Date());
  }

  /** Opens a session and returns a link below `linkBase` (e.g. `https://portal/api/ccc/remote`). */
  async open(systemId: string, actorRef: string, linkBase: string): Promise<{ url: string; expiresAt: string; openBy: string }> {
    const { system, target } = await this.#systems.manageableTarget(systemId);
    if (system.device?.remoteConfigEnabled === false) {
      // The manual's second "not possible" reason, with what to do on site.
      throw new CccHttpError(
        'RemoteConfigNotAllowedError',
        `Remote configuration is not allowed on ${system.name}. Allow it on site in the COMtrexx web interface under "Externer Zugriff".`,
        412,
        { reason: 'remote_config_disabled' },
      );
    }
    const session = await this.#devices.openRemoteSession(target);
    const token = randomBytes(32).toString('base64url');
    const tokenHash = sha256(token);
    const now = this.#now();
    const openBy = new Date(Math.min(now.getTime() + OPEN_WITHIN_MS, Date.parse(session.expiresAt))).toISOString();
    await this.#db.transaction(async tx => {
      await tx.remoteLinks.insert({
        tokenHash,
        systemId,
        userRef: actorRef,
        sessionUrlSealed: this.#secrets.encrypt(session.url, remoteSessionContext(tokenHash)),
        viewHash: null,
        createdAt: now.toISOString(),
        openBy,
        openedAt: null,
        expiresAt: session.expiresAt,
      });
      await tx.audit.append({
        at: now.toISOString(),
        actorRef,
        action: 'remote.open',
        systemId,
        groupId: null,
        details: { expiresAt: session.expiresAt },
      });
    });
    await this.#db.remoteLinks.deleteExpired(now.toISOString());
    return { url: `${linkBase.replace(/\/+$/, '')}/${token}/`, expiresAt: session.expiresAt, openBy };
  }

  /** Whether the device has a remote-access session open (the "active connection" indicator). */
  async status(systemId: string) {
    const { target } = await this.#systems.manageableTarget(systemId);
    return this.#devices.getRemoteSession(target);
  }

  /** Ends the device's remote-access session. */
  async close(systemId: string, actorRef: string): Promise<void> {
    const { target } = await this.#systems.manageableTarget(systemId);
    await this.#devices.closeRemoteSession(target);
    await this.#db.audit.append({
      at: this.#now().toISOString(),
      actorRef,
      action: 'remote.close',
      systemId,
      groupId: null,
      details: {},
    });
  }

  /**
   * Serves one page of the device's web interface through a link: only to
   * the user it was made for, the first browser that opens it, until the
   * device session ends. `subPath` is relative to the session page.
   */
  async view(token: string, subPath: string, userRef: string, viewCookie: string | undefined): Promise<RemotePage> {
    const tokenHash = sha256(token);
    const link = await this.#db.remoteLinks.get(tokenHash);
    if (!link) throw new NotFoundError('This remote configuration link does not exist');
    if (link.userRef !== userRef) throw new NotAllowedError('This remote configuration link belongs to another user');
    const now = this.#now();
    if (now.toISOString() >= link.expiresAt) {
      throw new RemoteLinkGoneError('The remote configuration session has ended; start a new one in the CCC');
    }

    let setViewCookie: RemotePage['setViewCookie'];
    const cookieName = `ccc_remote_${tokenHash.slice(0, 12)}`;
    if (!link.openedAt) {
      if (now.toISOString() >= link.openBy) {
        throw new RemoteLinkGoneError('This link was not opened in time; start remote configuration again in the CCC');
      }
      const secret = randomBytes(32).toString('base64url');
      if (!(await this.#db.remoteLinks.markOpened(tokenHash, sha256(secret), now.toISOString()))) {
        throw new RemoteLinkGoneError('This link has been opened already; start remote configuration again in the CCC');
      }
      setViewCookie = {
        name: cookieName,
        value: secret,
        path: `/${token}/`,
        maxAgeSeconds: Math.max(1, Math.floor((Date.parse(link.expiresAt) - now.getTime()) / 1000)),
      };
    } else if (!viewCookie || !link.viewHash || !safeEqual(sha256(viewCookie), link.viewHash)) {
      throw new RemoteLinkGoneError('This link has been opened already; start remote configuration again in the CCC');
    }

    const sessionUrl = new URL(this.#secrets.decrypt(link.sessionUrlSealed, remoteSessionContext(tokenHash)));
    const pageUrl = resolveWithin(sessionUrl, subPath);
    const target = await this.#systems.pairedTarget(link.systemId);
    const page = await this.#devices.fetchWebInterface(target, pageUrl.toString());
    return { ...page, setViewCookie };
  }

  /** The cookie name of a link, for reading it from a request. */
  static viewCookieName(token: string): string {
    return `ccc_remote_${sha256(token).slice(0, 12)}`;
  }
}

// Resolves a page below the session page's folder, keeping the session
// parameter; anything that would leave that folder (../, another host) is refused.
function resolveWithin(sessionUrl: URL, subPath: string): URL {
  const folder = new URL('./', sessionUrl);
  const resolved = new URL(subPath.replace(/^\/+/, ''), folder);
  if (resolved.origin !== folder.origin || !resolved.pathname.startsWith(folder.pathname)) {
    throw new InputError('That page is outside the device web interface');
  }
  if (subPath === '' || subPath === '/') return sessionUrl;
  for (const [key, value] of sessionUrl.searchParams) {
    if (!resolved.searchParams.has(key)) resolved.searchParams.set(key, value);
  }
  return resolved;
}

function safeEqual(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

