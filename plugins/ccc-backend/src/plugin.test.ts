import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { RunningSimulator, startSimulator } from '@internal/comtrexx-simulator';
import { JsonObject } from '@backstage/types';
import request from 'supertest';
import { cccPlugin } from './plugin';

const encryptionKey = 'plugin-test-key-0123456789abcdefghijklmnop';

describe('ccc backend plugin', () => {
  let simulator: RunningSimulator;

  beforeAll(async () => {
    simulator = await startSimulator({ size: 2 });
  });

  afterAll(async () => {
    await simulator.close();
  });

  const start = (ccc: JsonObject) =>
    startTestBackend({
      features: [cccPlugin, metricsServiceMock.factory(), mockServices.rootConfig.factory({ data: { ccc } })],
    });

  it('answers /health without credentials and probes the simulator', async () => {
    const backend = await start({
      encryptionKey,
      devices: { healthCheckUrl: `${simulator.url}/health` },
    });
    try {
      const res = await request(backend.server).get('/api/ccc/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        database: { status: 'ok' },
        devices: { status: 'ok', target: `${simulator.url}/health` },
      });
    } finally {
      await backend.stop();
    }
  });

  it('reports degraded, not down, when the device side is unreachable', async () => {
    const dead = await startSimulator({ size: 1 });
    await dead.close();
    const backend = await start({
      encryptionKey,
      devices: { healthCheckUrl: `${dead.url}/health` },
    });
    try {
      const res = await request(backend.server).get('/api/ccc/health');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('degraded');
      expect(res.body.devices.status).toBe('down');
      expect(res.body.devices.message).toMatch(/fetch failed|ECONNREFUSED/);
    } finally {
      await backend.stop();
    }
  });

  it('says that the device probe is not configured', async () => {
    const backend = await start({ encryptionKey });
    try {
      const res = await request(backend.server).get('/api/ccc/health');
      expect(res.body.devices).toEqual({ status: 'not-configured' });
    } finally {
      await backend.stop();
    }
  });

  it('refuses to start without an encryption key, saying what to do', async () => {
    await expect(start({})).rejects.toThrow(/ccc\.encryptionKey is not set/);
  });
});
