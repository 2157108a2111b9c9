import { DiscoveryService } from '@backstage/backend-plugin-api';
import { cccRemoteConfigPermission, cccSystemReadPermission } from '@internal/plugin-ccc-common';
import express from 'express';
import { RemoteConfigService } from '../remote/RemoteConfigService';
import { RouteHelpers } from './routeHelpers';

/** The path below the plugin where remote-configuration links live; it takes Backstage's user cookie. */
export const REMOTE_LINK_PATH = '/remote';

/** Routes of remote configuration: open, state and close a session, and the proxied web interface. */
export function addRemoteRoutes(
  router: express.Router,
  options: { helpers: RouteHelpers; remote: RemoteConfigService; discovery: DiscoveryService },
): void {
  const { helpers, remote, discovery } = options;
  const { user, systemFor, audited } = helpers;

  router.post(
    '/systems/:id/remote-session',
    audited('ccc-remote-open', async (req, res) => {
      const { system, actor } = await systemFor(req, cccRemoteConfigPermission, 'configure this PBX remotely');
      const base = `${await discovery.getExternalBaseUrl('ccc')}${REMOTE_LINK_PATH}`;
      res.status(201).json(await remote.open(system.id, actor, base));
    }),
  );

  router.get('/systems/:id/remote-session', async (req, res) => {
    const { system } = await systemFor(req, cccSystemReadPermission, 'see the remote connection');
    res.json(await remote.status(system.id));
  });

  router.delete(
    '/systems/:id/remote-session',
    audited('ccc-remote-close', async (req, res) => {
      const { system, actor } = await systemFor(req, cccRemoteConfigPermission, 'end remote configuration');
      await remote.close(system.id, actor);
      res.status(204).end();
    }),
  );

  // A window opened by navigation carries no bearer token: this path takes
  // Backstage's user cookie (see plugin.ts), and the link itself is bound
  // to the user and to the first browser that opens it.
  router.get(`${REMOTE_LINK_PATH}/:token/*`, async (req, res) => {
    const credentials = await user(req);
    const token = req.params.token;
    const subPath = (req.params as Record<string, string>)[0] ?? '';
    const cookie = readCookie(req.headers.cookie, RemoteConfigService.viewCookieName(token));
    const page = await remote.view(token, subPath, credentials.principal.userEntityRef, cookie);
    if (page.setViewCookie) {
      const c = page.setViewCookie;
      res.cookie(c.name, c.value, {
        httpOnly: true,
        sameSite: 'lax',
        secure: req.secure,
        maxAge: c.maxAgeSeconds * 1000,
        path: `${req.baseUrl}${REMOTE_LINK_PATH}${c.path}`,
      });
    }
    // The device's page must not be framed elsewhere nor cached on the way.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    if (page.contentType) res.type(page.contentType);
    res.status(page.status).send(page.body);
  });

  router.get(`${REMOTE_LINK_PATH}/:token`, (req, res) => {
    res.redirect(`${req.baseUrl}${REMOTE_LINK_PATH}/${encodeURIComponent(req.params.token)}/`);
  });
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
