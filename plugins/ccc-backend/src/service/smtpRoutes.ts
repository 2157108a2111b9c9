import {
  cccSmtpAssignPermission,
  cccSmtpManagePermission,
  cccSystemReadPermission,
} from '@internal/plugin-ccc-common';
import express from 'express';
import { SystemPermissionGuard } from '../permissions/SystemPermissionGuard';
import { SmtpService } from '../smtp/SmtpService';
import { RouteHelpers } from './routeHelpers';

/** Routes of the SMTP servers page and of a system's SMTP tab. */
export function addSmtpRoutes(
  router: express.Router,
  options: { helpers: RouteHelpers; guard: SystemPermissionGuard; smtp: SmtpService },
): void {
  const { helpers, guard, smtp } = options;
  const { user, systemFor, audited } = helpers;

  const requireManage = async (req: express.Request) => {
    const credentials = await user(req);
    await guard.require(credentials, cccSmtpManagePermission, 'administer SMTP servers');
    return credentials.principal.userEntityRef;
  };

  // Fleet administrators see every detail; others only names, to choose one for a system.
  router.get('/smtp-servers', async (req, res) => {
    const credentials = await user(req);
    const full = await guard.isAllowedBasic(credentials, cccSmtpManagePermission);
    res.json({ items: full ? await smtp.list() : await smtp.listChoices(), details: full });
  });

  router.post(
    '/smtp-servers',
    audited('ccc-smtp-create', async (req, res) => {
      res.status(201).json(await smtp.create(req.body, await requireManage(req)));
    }),
  );

  router.post(
    '/smtp-servers/delete',
    audited('ccc-smtp-delete', async (req, res) => {
      await smtp.deleteMany(req.body, await requireManage(req));
      res.status(204).end();
    }),
  );

  router.patch(
    '/smtp-servers/:id',
    audited('ccc-smtp-update', async (req, res) => {
      res.json(await smtp.update(req.params.id, req.body, await requireManage(req)));
    }),
  );

  router.delete(
    '/smtp-servers/:id',
    audited('ccc-smtp-delete', async (req, res) => {
      await smtp.deleteMany({ ids: [req.params.id] }, await requireManage(req));
      res.status(204).end();
    }),
  );

  router.post(
    '/smtp-servers/:id/check',
    audited('ccc-smtp-check', async (req, res) => {
      res.json(await smtp.check(req.params.id, await requireManage(req)));
    }),
  );

  router.get('/systems/:id/smtp', async (req, res) => {
    const { system } = await systemFor(req, cccSystemReadPermission, 'see the mail server of this system');
    res.json(await smtp.forSystem(system.id));
  });

  router.put(
    '/systems/:id/smtp',
    audited('ccc-smtp-assign', async (req, res) => {
      const { system, actor } = await systemFor(req, cccSmtpAssignPermission, 'choose the mail server');
      res.json(await smtp.assign(system.id, req.body, actor));
    }),
  );

  router.delete(
    '/systems/:id/smtp',
    audited('ccc-smtp-unassign', async (req, res) => {
      const { system, actor } = await systemFor(req, cccSmtpAssignPermission, 'choose the mail server');
      res.json(await smtp.unassign(system.id, actor));
    }),
  );
}
