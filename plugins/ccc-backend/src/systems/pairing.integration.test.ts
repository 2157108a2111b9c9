import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { mockCredentials, mockServices, startTestBackend, TestBackend } from '@backstage/backend-test-utils';
import { RunningSimulator, startSimulator } from '@internal/comtrexx-simulator';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { cccPlugin } from '../plugin';

jest.setTimeout(30_000);

/**
 * The whole pairing path with real HTTP both ways: the CCC backend, and the
 * simulator standing in for the COMtrexx, which calls the backend back when
 * the token is confirmed on it.
 */
describe('pairing with a simulated COMtrexx', () => {
  let simulator: RunningSimulator;
  let backend: TestBackend;
  const user = mockCredentials.user.header('user:default/anna');

  beforeEach(async () => {
    simulator = await startSimulator({ seed: 99, size: 3 });
    backend = await startTestBackend({
      features: [
        cccPlugin,
        // The metrics service is alpha: createBackend provides it, the test backend does not.
        metricsServiceMock.factory(),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.rootConfig.factory({
          data: {
            ccc: {
              encryptionKey: 'pairing-integration-key-0123456789abcdefgh',
              devices: { urlTemplate: simulator.deviceUrlTemplate, timeoutMs: 2000 },
            },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    simulator.setCccPairingUrl(`http://127.0.0.1:${port}/api/ccc/pairing`);
  });

  afterEach(async () => {
    await backend.stop();
    await simulator.close();
  });

  const api = () => request(backend.server);
  const confirmOnDevice = (serial: string, code: string) =>
    fetch(`${simulator.url}/devices/${serial}/api/v1/ccc/access/confirm`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ confirmationCode: code }),
    });
  const refresh = async (id: string) =>
    (await api().post(`/api/ccc/systems/${id}/refresh`).set('Authorization', user).expect(200)).body;

  it('registers, pairs through the device, follows its state, survives revocation and re-pairs', async () => {
    const device = simulator.fleet[0];
    const { body } = await api()
      .post('/api/ccc/systems')
      .set('Authorization', user)
      .send({ name: 'Zentrale', serialNumber: device.serialNumber })
      .expect(201);

    // A wrong code is refused by the CCC, and the device relays the reason.
    const wrong = await confirmOnDevice(device.serialNumber, 'AAAA-BBBB-CCCC');
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.message).toMatch(/confirmation code is wrong/);

    const confirmed = await confirmOnDevice(device.serialNumber, body.token.code);
    expect(confirmed.status).toBe(204);
    expect(device.ccc.state).toBe('confirmed');

    const paired = await refresh(body.system.id);
    expect(paired).toMatchObject({
      state: 'paired_ok',
      paired: true,
      device: { model: device.model, firmwareVersion: device.firmwareVersion, maintenance: { active: true } },
    });

    // Maintenance runs out on the device: restricted.
    device.maintenance = { active: false, validUntil: '2026-01-01' };
    expect(await refresh(body.system.id)).toMatchObject({ state: 'paired_restricted', stateReason: 'maintenance_inactive' });

    // The admin removes CCC access on the device: the link is dropped, the system stays.
    await fetch(`${simulator.url}/devices/${device.serialNumber}/api/v1/ccc/access`, { method: 'DELETE' });
    expect(await refresh(body.system.id)).toMatchObject({ state: 'error', stateReason: 'access_revoked', paired: false });

    // Re-pair with a new token.
    const renewed = await api().post(`/api/ccc/systems/${body.system.id}/token`).set('Authorization', user).expect(200);
    expect((await confirmOnDevice(device.serialNumber, renewed.body.code)).status).toBe(204);
    device.maintenance = { active: true, validUntil: '2030-01-01' };
    expect(await refresh(body.system.id)).toMatchObject({ state: 'paired_ok', paired: true });
  });

  it('shows a device with too old firmware as restricted', async () => {
    const device = simulator.fleet[1];
    expect(device.firmwareVersion).toBe('2.4.2');
    const { body } = await api()
      .post('/api/ccc/systems')
      .set('Authorization', user)
      .send({ name: 'Alt', serialNumber: device.serialNumber })
      .expect(201);
    expect((await confirmOnDevice(device.serialNumber, body.token.code)).status).toBe(204);
    expect(await refresh(body.system.id)).toMatchObject({ state: 'paired_restricted', stateReason: 'firmware_too_old' });
  });

  it('marks a paired device that went offline as unreachable and recovers', async () => {
    const device = simulator.fleet[0];
    const { body } = await api()
      .post('/api/ccc/systems')
      .set('Authorization', user)
      .send({ name: 'Zentrale', serialNumber: device.serialNumber })
      .expect(201);
    await confirmOnDevice(device.serialNumber, body.token.code);
    expect((await refresh(body.system.id)).state).toBe('paired_ok');

    const url = simulator.url;
    await simulator.close();
    expect(await refresh(body.system.id)).toMatchObject({ state: 'error', stateReason: 'unreachable', paired: true });

    // The same device (same seed, same port) comes back with its pairing.
    const port = Number(new URL(url).port);
    const again = await startSimulator({ seed: 99, size: 3, port });
    again.fleet[0].ccc = device.ccc;
    simulator = again;
    expect((await refresh(body.system.id)).state).toBe('paired_ok');
  });
});
