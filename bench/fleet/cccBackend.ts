/*
 * A real CCC backend for the HTTP parts of the fleet benchmark: Backstage's
 * test backend with the ccc plugin on a given database, the real permission
 * backend with the CCC policy and the real HTTP auth. Only the identity side
 * is mocked (mock user and service tokens), as in the authorization-matrix
 * test, so a list request goes the production way: token → permission
 * backend over HTTP → policy → SQL conditions.
 */
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { coreServices, createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionBackend from '@backstage/plugin-permission-backend';
import { permissionModuleCccPolicy } from '@internal/plugin-ccc-backend/src/permissions/policyModule';
import { cccPlugin } from '@internal/plugin-ccc-backend/src/plugin';
import { Knex } from 'knex';
import { AddressInfo } from 'node:net';
import { BENCH_ENCRYPTION_KEY } from './simulatedFleet';

/** A fleet administrator: sees every system (the policy allows the list without conditions). */
export const FLEET_ADMIN = 'user:default/fiona';
/** A user who is given a role on a few systems. */
export const GRANTED_USER = 'user:default/gina';

// Grants are only given to users the catalog knows.
const userEntity = (ref: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: ref.split('/')[1], namespace: 'default' },
  spec: { memberOf: [] },
});

/** A running backend. */
export interface BenchBackend {
  /** e.g. `http://127.0.0.1:41234/api/ccc` */
  baseUrl: string;
  stop(): Promise<void>;
}

/** The Authorization header of a user, as the mock auth service accepts it. */
export function userHeader(userRef: string): Record<string, string> {
  return { Authorization: mockCredentials.user.header(userRef) };
}

// Ownership claims are just the user; no catalog groups in the benchmark.
const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const userEntityRef = (credentials.principal as { userEntityRef: string }).userEntityRef;
      return { userEntityRef, ownershipEntityRefs: [userEntityRef] };
    },
  }),
});

// Backstage's mock auth drops the acting plugin from on-behalf-of tokens, and the permission
// backend refuses conditional queries from users without one (real tokens carry it).
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

/** Starts the ccc plugin on `knex` (migrated and filled beforehand) and returns its base URL. */
export async function startCccBackend(knex: Knex, deviceUrlTemplate: string): Promise<BenchBackend> {
  const backend = await startTestBackend({
    features: [
      cccPlugin,
      metricsServiceMock.factory(),
      permissionBackend,
      permissionModuleCccPolicy,
      permissionsServiceFactory,
      authWithActorFactory,
      httpAuthServiceFactory,
      userInfoFactory,
      catalogServiceMock.factory({ entities: [FLEET_ADMIN, GRANTED_USER].map(userEntity) }),
      mockServices.rootLogger.factory({ level: 'error' }),
      // The periodic device jobs never run: the benchmark measures requests, not the jobs.
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          ccc: {
            encryptionKey: BENCH_ENCRYPTION_KEY,
            fleetAdmins: [FLEET_ADMIN],
            demo: { enabled: false },
            devices: { urlTemplate: deviceUrlTemplate },
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/api/ccc`, stop: () => backend.stop() };
}
