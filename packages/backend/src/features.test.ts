import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import signalsPlugin from '@backstage/plugin-signals-backend';
import request from 'supertest';
import { backendFeatures } from './features';

jest.setTimeout(60_000);

describe('portal backend', () => {
  it('starts with the CCC plugin, the catalog and permissions enabled', async () => {
    const backend = await startTestBackend({
      features: [
        // Signals needs WebSocket support of the HTTP routers: createBackend's (backend-defaults 0.19) have
        // it, the older test backend's do not. Notifications run without it (no live push).
        ...backendFeatures.filter(feature => feature !== signalsPlugin),
        // The metrics service is alpha: createBackend provides it, the test backend does not.
        metricsServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: { baseUrl: 'http://localhost:7007' },
            permission: { enabled: true },
            auth: { providers: { guest: {} } },
            ccc: { encryptionKey: 'backend-test-key-0123456789abcdefghijkl' },
          },
        }),
      ],
    });
    try {
      const health = await request(backend.server).get('/api/ccc/health');
      expect(health.status).toBe(200);
      expect(health.body.database.status).toBe('ok');

      // Permissions are on and the CCC policy decides: other plugins' permissions
      // by the fallback (allow), the CCC's by role (SMTP administration only
      // for fleet administrators, of whom there are none here).
      const decision = await request(backend.server)
        .post('/api/permission/authorize')
        .set('Authorization', mockCredentials.user.header('user:default/guest'))
        .send({
          items: [
            {
              id: 'catalog',
              permission: { type: 'basic', name: 'catalog.entity.create', attributes: { action: 'create' } },
            },
            { id: 'smtp', permission: { type: 'basic', name: 'ccc.smtp.manage', attributes: { action: 'update' } } },
            { id: 'register', permission: { type: 'basic', name: 'ccc.system.create', attributes: { action: 'create' } } },
          ],
        });
      expect(decision.status).toBe(200);
      expect(decision.body.items).toEqual([
        { id: 'catalog', result: 'ALLOW' },
        { id: 'smtp', result: 'DENY' },
        { id: 'register', result: 'ALLOW' },
      ]);

      // The catalog is mounted (an unknown plugin would answer 404).
      const locations = await request(backend.server).get('/api/catalog/locations');
      expect(locations.status).not.toBe(404);
      // The notifications backend is there for the CCC's alert notifications (the test's default user has none).
      const notifications = await request(backend.server).get('/api/notifications/notifications');
      expect(notifications.status).toBe(200);
      expect(notifications.body).toEqual({ totalCount: 0, notifications: [] });
    } finally {
      await backend.stop();
    }
  });
});
