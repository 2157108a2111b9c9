import { BackstageCredentials, UserInfoService } from '@backstage/backend-plugin-api';
import {
  CALL_DATA_EXPORT_FILE_NAME,
  cccCallDataExportPermission,
  cccCallDataReadPermission,
} from '@internal/plugin-ccc-common';
import express from 'express';
import { CallDataService, CsvSink } from '../callData/CallDataService';
import { SystemPermissionGuard } from '../permissions/SystemPermissionGuard';
import { RouteHelpers } from './routeHelpers';

/**
 * Routes of the call data: a system's tab (list, gespr_dat.csv export, statistics) and the same over the fleet,
 * where the systems come from the permission conditions, evaluated in SQL.
 */
export function addCallDataRoutes(
  router: express.Router,
  options: { helpers: RouteHelpers; guard: SystemPermissionGuard; callData: CallDataService; userInfo: UserInfoService },
): void {
  const { helpers, guard, callData, userInfo } = options;
  // Masking depends on the roles the user holds through themselves or their catalog groups.
  const claimsOf = async (credentials: BackstageCredentials) =>
    (await userInfo.getUserInfo(credentials)).ownershipEntityRefs;

  router.get('/systems/:id/calldata', async (req, res) => {
    const { system, credentials } = await helpers.systemFor(req, cccCallDataReadPermission, 'read the call data');
    res.json(await callData.list(system.id, req.query, await claimsOf(credentials)));
  });

  router.get('/systems/:id/calldata/statistics', async (req, res) => {
    const { system, credentials } = await helpers.systemFor(req, cccCallDataReadPermission, 'read the call data');
    res.json(await callData.statistics(system.id, req.query, await claimsOf(credentials)));
  });

  // Fleet views: a user without the right on any system gets an empty result, not 403 (as the other fleet lists).
  router.get('/calldata', async (req, res) => {
    const credentials = await helpers.user(req);
    const criteria = await guard.listCriteria(credentials, cccCallDataReadPermission);
    res.json(await callData.listFleet(criteria, req.query, await claimsOf(credentials)));
  });

  router.get('/calldata/statistics', async (req, res) => {
    const credentials = await helpers.user(req);
    const criteria = await guard.listCriteria(credentials, cccCallDataReadPermission);
    res.json(await callData.fleetStatistics(criteria, req.query, await claimsOf(credentials)));
  });

  router.get(
    '/calldata/export.csv',
    helpers.audited('ccc-calldata-export', async (req, res) => {
      const credentials = await helpers.user(req);
      const criteria = await guard.listCriteria(credentials, cccCallDataExportPermission);
      const who = { actorRef: credentials.principal.userEntityRef, claims: await claimsOf(credentials) };
      await streamExport(res, () => callData.exportFleetCsv(criteria, req.query, who, responseSink(res)));
    }),
  );

  router.get(
    '/systems/:id/calldata/export.csv',
    helpers.audited('ccc-calldata-export', async (req, res) => {
      const { system, credentials, actor } = await helpers.systemFor(
        req,
        cccCallDataExportPermission,
        'export the call data',
      );
      const who = { actorRef: actor, claims: await claimsOf(credentials) };
      await streamExport(res, () => callData.exportCsv(system.id, req.query, who, responseSink(res)));
    }),
  );
}

async function streamExport(res: express.Response, run: () => Promise<number>): Promise<void> {
  try {
    await run();
  } catch (error) {
    // Once the file has begun there is no status to send: break the download rather than end it as if complete.
    if (res.headersSent) res.destroy(error as Error);
    throw error;
  }
  res.end();
}

/** Streams into the response, waiting for it to drain so a slow client never makes the export buffer rows. */
function responseSink(res: express.Response): CsvSink {
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  return {
    begin() {
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${CALL_DATA_EXPORT_FILE_NAME}"`);
      // Personal data: no copies in shared caches.
      res.setHeader('Cache-Control', 'no-store');
    },
    write(text) {
      if (closed) return Promise.resolve();
      return new Promise(resolve => {
        if (res.write(text)) {
          resolve();
          return;
        }
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    },
    closed: () => closed,
  };
}
