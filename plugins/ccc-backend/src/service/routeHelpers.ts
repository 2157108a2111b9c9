import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { CccSystem } from '@internal/plugin-ccc-common';
import express from 'express';
import { SystemPermission, SystemPermissionGuard } from '../permissions/SystemPermissionGuard';
import { SystemsService } from '../systems/SystemsService';

/** What a route handler gets from {@link RouteHelpers.systemFor}. */
export interface SystemRequest {
  system: CccSystem;
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  /** Entity ref of the signed-in user. */
  actor: string;
}

/** Shared steps of the CCC routes: who is asking, may they, and the audit event. */
export interface RouteHelpers {
  /** The signed-in user's credentials; 401 for anything else. */
  user(req: express.Request): Promise<BackstageCredentials<BackstageUserPrincipal>>;
  /** Loads `req.params.id` and checks a permission on it; 404 before 403, as the id is no secret. */
  systemFor(req: express.Request, permission: SystemPermission, what: string): Promise<SystemRequest>;
  /** Wraps a changing route so that Backstage's auditor records its success or failure. */
  audited(
    eventId: string,
    handler: (req: express.Request, res: express.Response) => Promise<unknown>,
  ): (req: express.Request, res: express.Response) => Promise<void>;
}

/** Builds the {@link RouteHelpers}. */
export function createRouteHelpers(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  guard: SystemPermissionGuard;
  systems: SystemsService;
}): RouteHelpers {
  const { httpAuth, auditor, guard, systems } = options;
  const user = (req: express.Request) => httpAuth.credentials(req, { allow: ['user'] });
  return {
    user,
    async systemFor(req, permission, what) {
      const credentials = await user(req);
      const system = await systems.get(req.params.id);
      await guard.requireOnSystem(credentials, permission, system, what);
      return { system, credentials, actor: credentials.principal.userEntityRef };
    },
    audited: (eventId, handler) => async (req, res) => {
      const event = await auditor.createEvent({
        eventId,
        request: req,
        severityLevel: 'medium',
        meta: { ...(req.params.id ? { id: req.params.id } : {}) },
      });
      try {
        await handler(req, res);
        await event.success();
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  };
}
