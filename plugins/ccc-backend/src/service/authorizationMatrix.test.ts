import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { coreServices, createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend, TestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import permissionBackend from '@backstage/plugin-permission-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  cccBackupCreatePermission,
  cccBackupDeletePermission,
  cccBackupReadPermission,
  cccBackupRestorePermission,
  cccBackupSchedulePermission,
  cccCallDataExportPermission,
  cccCallDataReadPermission,
  cccFirmwareUpdatePermission,
  cccMonitoringReadPermission,
  cccRemoteConfigPermission,
  cccSmtpAssignPermission,
  cccWarningsReadPermission,
  cccSystemAuditReadPermission,
  cccSystemDeletePermission,
  cccSystemGrantsManagePermission,
  cccSystemReadPermission,
  cccSystemTransferPermission,
  cccSystemUpdatePermission,
  CccRole,
  rolesAllowing,
} from '@internal/plugin-ccc-common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { pluginServicesProbe } from '../__testUtils__/pluginServicesProbe';
import { permissionModuleCccPolicy } from '../permissions/policyModule';
import { cccPlugin } from '../plugin';
import { createRouter } from './router';

jest.setTimeout(120_000);

/*
 * The authorization matrix: every route of the CCC backend against every
 * kind of user, decided by the real permission backend with the CCC policy
 * module. A route is "allowed" when the answer is neither 401 nor 403; the
 * probes send bodies that are allowed-but-invalid where a valid one would
 * change the world for the probes after it.
 */

const ref = (name: string) => `user:default/${name}`;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const OPS = 'group:default/ops';
const FLEET_ADMINS = 'group:default/fleet-admins';

/** Who the matrix asks as, and what they hold on the system under test. */
const ACTORS = {
  none: { user: 'nobody', roles: [] as CccRole[], fleetAdmin: false },
  owner: { user: 'alice', roles: ['owner'] as CccRole[], fleetAdmin: false },
  administrator: { user: 'adam', roles: ['administrator'] as CccRole[], fleetAdmin: false },
  monitoring: { user: 'mona', roles: ['monitoring'] as CccRole[], fleetAdmin: false },
  backup: { user: 'bert', roles: ['backup'] as CccRole[], fleetAdmin: false },
  callData: { user: 'carla', roles: ['callData'] as CccRole[], fleetAdmin: false },
  backupViaCccGroup: { user: 'gina', roles: ['backup'] as CccRole[], fleetAdmin: false, groupMember: true },
  monitoringViaCatalogGroup: { user: 'otto', roles: ['monitoring'] as CccRole[], fleetAdmin: false },
  fleetAdmin: { user: 'fiona', roles: [] as CccRole[], fleetAdmin: true },
};
type ActorName = keyof typeof ACTORS;
type Actor = { user: string; roles: CccRole[]; fleetAdmin: boolean; groupMember?: boolean };

// Catalog group memberships, as the catalog's ownership claims would carry them.
const CATALOG_GROUPS: Record<string, string[]> = { otto: [OPS], fiona: [FLEET_ADMINS] };

/** Who may call a route, in the terms of the role table. */
type Rule =
  | { kind: 'public' }
  | { kind: 'anyUser' }
  | { kind: 'fleetAdmin' }
  | { kind: 'groupOwner' }
  | { kind: 'groupMember' }
  | { kind: 'system'; permission: string };

function expectedAllowed(actor: Actor, rule: Rule): boolean {
  switch (rule.kind) {
    case 'public':
    case 'anyUser':
      return true;
    case 'fleetAdmin':
      return actor.fleetAdmin;
    case 'groupOwner':
      // The world's CCC group belongs to the system's owner.
      return actor.roles.includes('owner');
    case 'groupMember':
      return actor.roles.includes('owner') || Boolean(actor.groupMember);
    case 'system':
      if (actor.fleetAdmin && rule.permission === cccSystemReadPermission.name) return true;
      return rolesAllowing(rule.permission).some(role => actor.roles.includes(role));
    default:
      return false;
  }
}

/** Ids of the world one actor's probes run in. */
interface World {
  systemId: string;
  serial: string;
  groupId: string;
  ownGroupId: string;
  /** A running rollout of the world's system, started by its owner. */
  rolloutId: string;
}

interface Probe {
  route: string;
  rule: Rule;
  send(world: World, as: string): request.Test;
  /** Overrides "neither 401 nor 403" where the status cannot tell (lists). */
  allowed?(res: request.Response, world: World): boolean;
}

const system = (permission: { name: string }): Rule => ({ kind: 'system', permission: permission.name });

/** A valid rollout request over the world's system. */
const rolloutOf = (w: World) => ({
  name: 'Matrix rollout',
  selection: { kind: 'systems', systemIds: [w.systemId] },
  canarySize: 1,
  batchSize: 1,
  maxFailuresPerWave: 1,
  window: null,
});

function probes(server: () => Parameters<typeof request>[0]): Probe[] {
  const http = () => request(server());
  return [
    { route: 'GET /health', rule: { kind: 'public' }, send: () => http().get('/api/ccc/health') },
    {
      route: 'POST /pairing',
      rule: { kind: 'public' },
      send: () => http().post('/api/ccc/pairing').send({}),
    },
    {
      route: 'GET /systems',
      rule: system(cccSystemReadPermission),
      send: (_w, as) => http().get('/api/ccc/systems').set('Authorization', as),
      allowed: (res, w) => res.body.items.some((s: { id: string }) => s.id === w.systemId),
    },
    {
      route: 'POST /systems',
      rule: { kind: 'anyUser' },
      send: (_w, as) => http().post('/api/ccc/systems').set('Authorization', as).send({ name: '' }),
    },
    {
      route: 'POST /systems/bulk',
      rule: { kind: 'anyUser' },
      send: (_w, as) => http().post('/api/ccc/systems/bulk').set('Authorization', as).send({ items: [] }),
    },
    {
      route: 'GET /systems/by-serial/:serial',
      rule: system(cccSystemReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/by-serial/${w.serial}`).set('Authorization', as),
    },
    {
      route: 'GET /systems/:id',
      rule: system(cccSystemReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}`).set('Authorization', as),
    },
    {
      route: 'PATCH /systems/:id',
      rule: system(cccSystemUpdatePermission),
      send: (w, as) => http().patch(`/api/ccc/systems/${w.systemId}`).set('Authorization', as).send({}),
    },
    {
      route: 'POST /systems/:id/token',
      rule: system(cccSystemUpdatePermission),
      send: (w, as) => http().post(`/api/ccc/systems/${w.systemId}/token`).set('Authorization', as),
    },
    {
      route: 'DELETE /systems/:id/token',
      rule: system(cccSystemUpdatePermission),
      send: (w, as) => http().delete(`/api/ccc/systems/${w.systemId}/token`).set('Authorization', as),
    },
    {
      route: 'POST /systems/:id/refresh',
      rule: system(cccSystemReadPermission),
      send: (w, as) => http().post(`/api/ccc/systems/${w.systemId}/refresh`).set('Authorization', as),
    },
    {
      route: 'GET /systems/:id/access',
      rule: system(cccSystemReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/access`).set('Authorization', as),
    },
    {
      route: 'PUT /systems/:id/grants',
      rule: system(cccSystemGrantsManagePermission),
      send: (w, as) => http().put(`/api/ccc/systems/${w.systemId}/grants`).set('Authorization', as).send({}),
    },
    {
      route: 'DELETE /systems/:id/grants',
      rule: system(cccSystemGrantsManagePermission),
      send: (w, as) => http().delete(`/api/ccc/systems/${w.systemId}/grants`).set('Authorization', as),
    },
    {
      route: 'GET /grants',
      rule: { kind: 'anyUser' },
      send: (_w, as) => http().get('/api/ccc/grants').set('Authorization', as),
    },
    {
      route: 'POST /grants/delete',
      rule: system(cccSystemGrantsManagePermission),
      // Allowed callers get 404: nobody has a grant there, so nothing changes.
      send: (w, as) =>
        http()
          .post('/api/ccc/grants/delete')
          .set('Authorization', as)
          .send({ items: [{ systemId: w.systemId, subjectRef: ref('nobody') }] }),
    },
    {
      route: 'GET /systems/:id/audit',
      rule: system(cccSystemAuditReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/audit`).set('Authorization', as),
    },
    {
      route: 'GET /audit',
      rule: { kind: 'fleetAdmin' },
      send: (_w, as) => http().get('/api/ccc/audit').set('Authorization', as),
    },
    {
      route: 'GET /groups',
      rule: { kind: 'anyUser' },
      send: (_w, as) => http().get('/api/ccc/groups').set('Authorization', as),
    },
    {
      route: 'POST /groups',
      rule: { kind: 'anyUser' },
      send: (_w, as) => http().post('/api/ccc/groups').set('Authorization', as).send({}),
    },
    {
      route: 'GET /groups/:id',
      rule: { kind: 'groupMember' },
      send: (w, as) => http().get(`/api/ccc/groups/${w.groupId}`).set('Authorization', as),
    },
    {
      route: 'PATCH /groups/:id',
      rule: { kind: 'groupOwner' },
      send: (w, as) => http().patch(`/api/ccc/groups/${w.groupId}`).set('Authorization', as).send({ description: 'x' }),
    },
    {
      route: 'PUT /groups/:id/members',
      rule: { kind: 'groupOwner' },
      send: (w, as) =>
        http().put(`/api/ccc/groups/${w.groupId}/members`).set('Authorization', as).send({ memberRef: ref('nobody') }),
    },
    {
      route: 'DELETE /groups/:id/members',
      rule: { kind: 'groupOwner' },
      send: (w, as) =>
        http().delete(`/api/ccc/groups/${w.groupId}/members`).query({ memberRef: ref('nobody') }).set('Authorization', as),
    },
    {
      route: 'POST /groups/:id/join',
      // The world's group is private: only its owner may add anyone, themselves included.
      rule: { kind: 'groupOwner' },
      send: (w, as) => http().post(`/api/ccc/groups/${w.groupId}/join`).set('Authorization', as),
    },
    {
      route: 'POST /groups/:id/leave',
      // Anyone may leave; non-members get 409, which is not a refusal of the right.
      rule: { kind: 'anyUser' },
      send: (w, as) => http().post(`/api/ccc/groups/${w.ownGroupId}/leave`).set('Authorization', as),
    },
    {
      route: 'PUT /groups/:id/systems',
      rule: system(cccSystemGrantsManagePermission),
      send: (w, as) =>
        http().put(`/api/ccc/groups/${w.ownGroupId}/systems`).set('Authorization', as).send({ systemId: w.systemId }),
    },
    {
      route: 'DELETE /groups/:id/systems/:systemId',
      rule: system(cccSystemGrantsManagePermission),
      send: (w, as) => http().delete(`/api/ccc/groups/${w.groupId}/systems/${w.systemId}`).set('Authorization', as),
      // The group owner may always remove; here the owner of the group owns the system too.
    },
    {
      route: 'POST /groups/delete',
      rule: { kind: 'groupOwner' },
      send: (w, as) => http().post('/api/ccc/groups/delete').set('Authorization', as).send({ ids: [w.groupId, w.ownGroupId] }),
    },
    {
      route: 'DELETE /groups/:id',
      rule: { kind: 'groupOwner' },
      send: (w, as) => http().delete(`/api/ccc/groups/${w.groupId}`).set('Authorization', as),
    },
    {
      route: 'GET /smtp-servers',
      // Everyone gets the names to choose from; only fleet administrators the details.
      rule: { kind: 'fleetAdmin' },
      send: (_w, as) => http().get('/api/ccc/smtp-servers').set('Authorization', as),
      allowed: res => res.status === 200 && res.body.details === true,
    },
    {
      route: 'POST /smtp-servers',
      rule: { kind: 'fleetAdmin' },
      send: (_w, as) => http().post('/api/ccc/smtp-servers').set('Authorization', as).send({}),
    },
    {
      route: 'POST /smtp-servers/delete',
      rule: { kind: 'fleetAdmin' },
      send: (_w, as) => http().post('/api/ccc/smtp-servers/delete').set('Authorization', as).send({}),
    },
    {
      route: 'PATCH /smtp-servers/:id',
      rule: { kind: 'fleetAdmin' },
      send: (_w, as) => http().patch(`/api/ccc/smtp-servers/${UNKNOWN_ID}`).set('Authorization', as).send({}),
    },
    {
      route: 'DELETE /smtp-servers/:id',
      rule: { kind: 'fleetAdmin' },
      send: (_w, as) => http().delete(`/api/ccc/smtp-servers/${UNKNOWN_ID}`).set('Authorization', as),
    },
    {
      route: 'POST /smtp-servers/:id/check',
      rule: { kind: 'fleetAdmin' },
      send: (_w, as) => http().post(`/api/ccc/smtp-servers/${UNKNOWN_ID}/check`).set('Authorization', as),
    },
    {
      route: 'GET /systems/:id/smtp',
      rule: system(cccSystemReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/smtp`).set('Authorization', as),
    },
    {
      route: 'PUT /systems/:id/smtp',
      rule: system(cccSmtpAssignPermission),
      send: (w, as) => http().put(`/api/ccc/systems/${w.systemId}/smtp`).set('Authorization', as).send({}),
    },
    {
      route: 'DELETE /systems/:id/smtp',
      // Allowed callers get 409: the system has no server of its own.
      rule: system(cccSmtpAssignPermission),
      send: (w, as) => http().delete(`/api/ccc/systems/${w.systemId}/smtp`).set('Authorization', as),
    },
    {
      route: 'GET /systems/:id/warnings',
      rule: system(cccWarningsReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/warnings`).set('Authorization', as),
    },
    {
      route: 'GET /systems/:id/alerts',
      rule: system(cccWarningsReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/alerts`).set('Authorization', as),
    },
    {
      route: 'GET /backups',
      rule: system(cccBackupReadPermission),
      send: (_w, as) => http().get('/api/ccc/backups').set('Authorization', as),
      allowed: (res, w) => res.body.items.some((r: { systemId: string }) => r.systemId === w.systemId),
    },
    // The world's system is not paired: allowed callers get 412 (not manageable) or 400 (no confirmation).
    {
      route: 'GET /systems/:id/backups',
      rule: system(cccBackupReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/backups`).set('Authorization', as),
    },
    {
      route: 'POST /systems/:id/backups',
      rule: system(cccBackupCreatePermission),
      send: (w, as) => http().post(`/api/ccc/systems/${w.systemId}/backups`).set('Authorization', as),
    },
    {
      route: 'POST /systems/:id/backups/delete',
      rule: system(cccBackupDeletePermission),
      send: (w, as) => http().post(`/api/ccc/systems/${w.systemId}/backups/delete`).set('Authorization', as).send({}),
    },
    {
      route: 'POST /systems/:id/backups/:backupId/restore',
      rule: system(cccBackupRestorePermission),
      send: (w, as) => http().post(`/api/ccc/systems/${w.systemId}/backups/b1/restore`).set('Authorization', as).send({}),
    },
    {
      route: 'PUT /systems/:id/backups/schedule',
      rule: system(cccBackupSchedulePermission),
      send: (w, as) => http().put(`/api/ccc/systems/${w.systemId}/backups/schedule`).set('Authorization', as).send({}),
    },
    {
      route: 'PUT /systems/:id/backups/retention',
      rule: system(cccBackupSchedulePermission),
      send: (w, as) => http().put(`/api/ccc/systems/${w.systemId}/backups/retention`).set('Authorization', as).send({}),
    },
    {
      route: 'GET /systems/:id/jobs',
      rule: system(cccSystemReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/jobs`).set('Authorization', as),
    },
    {
      route: 'GET /systems/:id/jobs/:jobId',
      rule: system(cccSystemReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/jobs/${UNKNOWN_ID}`).set('Authorization', as),
    },
    {
      route: 'GET /systems/:id/firmware',
      rule: system(cccSystemReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/firmware`).set('Authorization', as),
    },
    {
      route: 'POST /systems/:id/firmware/update',
      rule: system(cccFirmwareUpdatePermission),
      send: (w, as) => http().post(`/api/ccc/systems/${w.systemId}/firmware/update`).set('Authorization', as).send({}),
    },
    {
      route: 'POST /systems/:id/remote-session',
      rule: system(cccRemoteConfigPermission),
      send: (w, as) => http().post(`/api/ccc/systems/${w.systemId}/remote-session`).set('Authorization', as),
    },
    {
      route: 'GET /systems/:id/remote-session',
      rule: system(cccSystemReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/remote-session`).set('Authorization', as),
    },
    {
      route: 'DELETE /systems/:id/remote-session',
      rule: system(cccRemoteConfigPermission),
      send: (w, as) => http().delete(`/api/ccc/systems/${w.systemId}/remote-session`).set('Authorization', as),
    },
    {
      // Any user may try a link; the link itself says whose it is (404 for an unknown one).
      route: 'GET /remote/:token/*',
      rule: { kind: 'anyUser' },
      send: (_w, as) => http().get('/api/ccc/remote/no-such-link/').set('Authorization', as),
    },
    {
      route: 'GET /remote/:token',
      rule: { kind: 'anyUser' },
      send: (_w, as) => http().get('/api/ccc/remote/no-such-link').set('Authorization', as),
    },
    {
      route: 'GET /systems/:id/monitoring',
      rule: system(cccMonitoringReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/monitoring`).set('Authorization', as),
    },
    {
      route: 'GET /systems/:id/registration',
      rule: system(cccSystemReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/registration`).set('Authorization', as),
    },
    {
      // Fleet views list rows, not systems; a refused caller gets an empty list, not 403.
      route: 'GET /phones',
      rule: { kind: 'anyUser' },
      send: (_w, as) => http().get('/api/ccc/phones').set('Authorization', as),
    },
    {
      route: 'GET /trunks',
      rule: { kind: 'anyUser' },
      send: (_w, as) => http().get('/api/ccc/trunks').set('Authorization', as),
    },
    {
      // Stored call data, read whatever the device state: allowed callers get 200 with an empty page.
      route: 'GET /systems/:id/calldata',
      rule: system(cccCallDataReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/calldata`).set('Authorization', as),
      allowed: res => res.status === 200 && Array.isArray(res.body.items),
    },
    {
      // Without acknowledge=true allowed callers get 400 naming the legal notice, and nothing is exported.
      route: 'GET /systems/:id/calldata/export.csv',
      rule: system(cccCallDataExportPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/calldata/export.csv`).set('Authorization', as),
      allowed: res => res.status === 400 && /legal notice/.test(res.body?.error?.message ?? ''),
    },
    {
      route: 'GET /systems/:id/calldata/statistics',
      rule: system(cccCallDataReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/calldata/statistics`).set('Authorization', as),
      allowed: res => res.status === 200 && Array.isArray(res.body.perDay),
    },
    {
      // Fleet call data: filtered by the permission conditions in SQL; a refused caller gets an empty page.
      route: 'GET /calldata',
      rule: { kind: 'anyUser' },
      send: (_w, as) => http().get('/api/ccc/calldata').set('Authorization', as),
      allowed: res => res.status === 200 && Array.isArray(res.body.items),
    },
    {
      // Lists every system it counts, with or without calls: the world's system iff the caller may read its data.
      route: 'GET /calldata/statistics',
      rule: system(cccCallDataReadPermission),
      send: (_w, as) => http().get('/api/ccc/calldata/statistics').set('Authorization', as),
      allowed: (res, w) =>
        res.status === 200 && res.body.systems.some((s: { systemId: string }) => s.systemId === w.systemId),
    },
    {
      // Everyone may ask; without acknowledge=true the answer is 400 naming the legal notice, for everyone.
      route: 'GET /calldata/export.csv',
      rule: { kind: 'anyUser' },
      send: (_w, as) => http().get('/api/ccc/calldata/export.csv').set('Authorization', as),
      allowed: res => res.status === 400 && /legal notice/.test(res.body?.error?.message ?? ''),
    },
    {
      route: 'GET /scorecards',
      rule: system(cccSystemReadPermission),
      send: (_w, as) => http().get('/api/ccc/scorecards').set('Authorization', as),
      allowed: (res, w) => res.body.items.some((c: { systemId: string }) => c.systemId === w.systemId),
    },
    {
      route: 'GET /systems/:id/scorecard',
      rule: system(cccSystemReadPermission),
      send: (w, as) => http().get(`/api/ccc/systems/${w.systemId}/scorecard`).set('Authorization', as),
    },
    {
      route: 'GET /dashboard',
      rule: { kind: 'anyUser' },
      send: (_w, as) => http().get('/api/ccc/dashboard').set('Authorization', as),
    },
    {
      // Lists only rollouts holding a system the caller may see; everyone may ask.
      route: 'GET /rollouts',
      rule: { kind: 'anyUser' },
      send: (_w, as) => http().get('/api/ccc/rollouts').set('Authorization', as),
    },
    // The world's system is not paired: callers allowed to update its firmware get 412, the others 403.
    {
      route: 'POST /rollouts/plan',
      rule: system(cccFirmwareUpdatePermission),
      send: (w, as) => http().post('/api/ccc/rollouts/plan').set('Authorization', as).send(rolloutOf(w)),
    },
    {
      route: 'POST /rollouts',
      rule: system(cccFirmwareUpdatePermission),
      send: (w, as) => http().post('/api/ccc/rollouts').set('Authorization', as).send(rolloutOf(w)),
    },
    // A rollout is shown to whoever may read one of its systems (to the others it does not exist: 404); it is
    // steered by whoever may update the firmware of all of them (visible but not allowed: 403). A state that does
    // not allow the step (the scheduled advance may have ended the rollout) is 409, which still means allowed.
    {
      route: 'GET /rollouts/:id',
      rule: system(cccSystemReadPermission),
      send: (w, as) => http().get(`/api/ccc/rollouts/${w.rolloutId}`).set('Authorization', as),
      allowed: res => res.status === 200,
    },
    {
      route: 'POST /rollouts/:id/pause',
      rule: system(cccFirmwareUpdatePermission),
      send: (w, as) => http().post(`/api/ccc/rollouts/${w.rolloutId}/pause`).set('Authorization', as),
      allowed: res => ![401, 403, 404].includes(res.status),
    },
    {
      route: 'POST /rollouts/:id/resume',
      rule: system(cccFirmwareUpdatePermission),
      send: (w, as) => http().post(`/api/ccc/rollouts/${w.rolloutId}/resume`).set('Authorization', as),
      allowed: res => ![401, 403, 404].includes(res.status),
    },
    {
      route: 'POST /rollouts/:id/abort',
      rule: system(cccFirmwareUpdatePermission),
      send: (w, as) => http().post(`/api/ccc/rollouts/${w.rolloutId}/abort`).set('Authorization', as),
      allowed: res => ![401, 403, 404].includes(res.status),
    },
    {
      route: 'POST /systems/:id/owner',
      rule: system(cccSystemTransferPermission),
      send: (w, as) => http().post(`/api/ccc/systems/${w.systemId}/owner`).set('Authorization', as).send({}),
    },
    {
      route: 'DELETE /systems/:id',
      rule: system(cccSystemDeletePermission),
      send: (w, as) => http().delete(`/api/ccc/systems/${w.systemId}`).set('Authorization', as),
    },
  ];
}

function userEntity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: CATALOG_GROUPS[name] ?? [] },
  };
}

function groupEntity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

// Ownership claims as the catalog would give them: the user plus their catalog groups.
const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const userEntityRef = (credentials.principal as { userEntityRef: string }).userEntityRef;
      const name = userEntityRef.split('/')[1];
      return { userEntityRef, ownershipEntityRefs: [userEntityRef, ...(CATALOG_GROUPS[name] ?? [])] };
    },
  }),
});

// Backstage's mock auth drops the acting plugin from on-behalf-of tokens, and
// the permission backend refuses conditional queries from users without one
// (real tokens carry it). This puts the actor back, as real auth does.
const authWithActorFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory: ({ plugin }) => {
    const base = mockServices.auth({ pluginId: plugin.getId() });
    const prefix = 'mock-service-token:';
    return Object.assign(Object.create(base), {
      async authenticate(token: string, options?: Parameters<typeof base.authenticate>[1]) {
        const credentials = await base.authenticate(token, options);
        if (token.startsWith(prefix)) {
          const { sub, obo } = JSON.parse(token.slice(prefix.length));
          if (obo) return mockCredentials.user(obo, { actor: { subject: sub ?? 'plugin:ccc' } });
        }
        return credentials;
      },
    });
  },
});

describe('authorization matrix', () => {
  let backend: TestBackend;
  const services = pluginServicesProbe();
  const as = (user: string) => mockCredentials.user.header(ref(user));
  let serial = 100000000;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        cccPlugin,
        services.module,
        // The metrics service is alpha: createBackend provides it, the test backend does not.
        metricsServiceMock.factory(),
        permissionBackend,
        permissionModuleCccPolicy,
        permissionsServiceFactory,
        authWithActorFactory,
        // The real HTTP auth reads tokens through the auth service above.
        httpAuthServiceFactory,
        userInfoFactory,
        catalogServiceMock.factory({
          entities: [
            ...Object.values(ACTORS).map(a => userEntity(a.user)),
            groupEntity('ops'),
            groupEntity('fleet-admins'),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            ccc: {
              encryptionKey: 'matrix-test-key-0123456789abcdefghijklmnop',
              fleetAdmins: [FLEET_ADMINS],
              devices: { urlTemplate: 'http://127.0.0.1:9/devices/{serial}', timeoutMs: 300 },
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend.stop();
  });

  /** A system owned by alice with every kind of role given out, and two CCC groups. */
  async function createWorld(actor: Actor): Promise<World> {
    const http = () => request(backend.server);
    serial += 1;
    const created = await http()
      .post('/api/ccc/systems')
      .set('Authorization', as('alice'))
      .send({ name: `Matrix ${serial}`, serialNumber: `CTX${serial}` })
      .expect(201);
    const systemId = created.body.system.id;
    const grant = (subjectRef: string, roles: string[]) =>
      http()
        .put(`/api/ccc/systems/${systemId}/grants`)
        .set('Authorization', as('alice'))
        .send({ subjectRef, roles })
        .expect(res => expect(`${res.status} ${res.text}`).toMatch(/^200/));
    await grant(ref('adam'), ['administrator']);
    await grant(ref('mona'), ['monitoring']);
    await grant(ref('bert'), ['backup']);
    await grant(ref('carla'), ['callData']);
    await grant(OPS, ['monitoring']);
    const group = await http()
      .post('/api/ccc/groups')
      .set('Authorization', as('alice'))
      .send({ name: `Backup team ${serial}`, defaultRole: 'backup', visibility: 'private' })
      .expect(201);
    await http()
      .put(`/api/ccc/groups/${group.body.id}/members`)
      .set('Authorization', as('alice'))
      .send({ memberRef: ref('gina') })
      .expect(200);
    await http()
      .put(`/api/ccc/groups/${group.body.id}/systems`)
      .set('Authorization', as('alice'))
      .send({ systemId })
      .expect(200);
    const own = await http()
      .post('/api/ccc/groups')
      .set('Authorization', as(actor.user))
      .send({ name: `Own group of ${actor.user} ${serial}`, defaultRole: 'monitoring', visibility: 'public' })
      .expect(201);
    // The world's system is not paired, so the API would not start a rollout of it: one is written as the
    // rollout service leaves it after a start by the owner.
    const rolloutId = randomUUID();
    const knex = await services.database().getClient();
    const at = new Date().toISOString();
    await knex('rollouts').insert({
      id: rolloutId,
      name: `Matrix rollout ${serial}`,
      state: 'running',
      selection: JSON.stringify({ kind: 'systems', systemIds: [systemId] }),
      canary_size: 1,
      batch_size: 1,
      max_failures_per_wave: 1,
      window: null,
      current_wave: 0,
      wave_count: 1,
      started_by: ref('alice'),
      created_at: at,
      updated_at: at,
    });
    await knex('rollout_systems').insert({
      rollout_id: rolloutId,
      system_id: systemId,
      system_name: `Matrix ${serial}`,
      serial_number: `CTX${serial}`,
      wave: 0,
      position: 0,
      step: 'pending',
    });
    return { systemId, serial: `CTX${serial}`, groupId: group.body.id, ownGroupId: own.body.id, rolloutId };
  }

  it('has an entry for every route of the router', async () => {
    const router = await createRouter({} as Parameters<typeof createRouter>[0]);
    const routes = (router as unknown as { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> })
      .stack.filter(layer => layer.route)
      .flatMap(layer =>
        Object.keys(layer.route!.methods).map(method => `${method.toUpperCase()} ${layer.route!.path}`),
      );
    const covered = probes(() => backend.server).map(p => p.route);
    expect([...routes].sort()).toEqual([...covered].sort());
  });

  it.each(Object.keys(ACTORS) as ActorName[])('allows exactly what the role table says for %s', async name => {
    const actor = ACTORS[name];
    const world = await createWorld(actor);
    const mismatches: string[] = [];
    for (const probe of probes(() => backend.server)) {
      const res = await probe.send(world, as(actor.user));
      const allowed = probe.allowed ? probe.allowed(res, world) : res.status !== 401 && res.status !== 403;
      const expected = expectedAllowed(actor, probe.rule);
      if (allowed !== expected) {
        mismatches.push(`${probe.route}: expected ${expected ? 'allowed' : 'denied'}, got ${res.status} ${res.text.slice(0, 200)}`);
      }
      // A refusal must say why in words, and nothing may end in a server error.
      if (res.status === 403 && !/not allowed|Only the owner|private group/.test(res.body?.error?.message ?? '')) {
        mismatches.push(`${probe.route}: 403 without a reason: ${res.text.slice(0, 200)}`);
      }
      if (res.status >= 500) mismatches.push(`${probe.route}: server error ${res.status} ${res.text.slice(0, 200)}`);
    }
    expect(mismatches).toEqual([]);
  });
});
