import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { mockCredentials, mockServices, startTestBackend, TestBackend } from '@backstage/backend-test-utils';
import { RunningSimulator, startSimulator } from '@internal/comtrexx-simulator';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { cccPlugin } from '../plugin';

jest.setTimeout(60_000);

/**
 * Every fault the simulator can inject, against the real backend over HTTP:
 * the backend answers, marks the state a user would expect, keeps what it
 * stored, and recovers when the fault is gone.
 */
describe('device faults', () => {
  let simulator: RunningSimulator;
  let backend: TestBackend;
  let systemId: string;
  const user = mockCredentials.user.header('user:default/anna');

  const faults = (body: object) =>
    fetch(`${simulator.url}/fleet/${simulator.fleet[0].serialNumber}/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then(res => {
      if (res.status !== 200) throw new Error(`Injecting ${JSON.stringify(body)} failed: ${res.status}`);
    });
  const clearFaults = () =>
    fetch(`${simulator.url}/fleet/${simulator.fleet[0].serialNumber}/faults`, { method: 'DELETE' });
  const refresh = async () =>
    (await request(backend.server).post(`/api/ccc/systems/${systemId}/refresh`).set('Authorization', user).expect(200)).body;

  beforeAll(async () => {
    simulator = await startSimulator({ seed: 4, size: 2 });
    backend = await startTestBackend({
      features: [
        cccPlugin,
        // The metrics service is alpha: createBackend provides it, the test backend does not.
        metricsServiceMock.factory(),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.rootConfig.factory({
          data: {
            ccc: {
              encryptionKey: 'faults-integration-key-0123456789abcdefgh',
              devices: { urlTemplate: simulator.deviceUrlTemplate, timeoutMs: 300 },
            },
          },
        }),
      ],
    });
    simulator.setCccPairingUrl(`http://127.0.0.1:${(backend.server.address() as AddressInfo).port}/api/ccc/pairing`);
    const device = simulator.fleet[0];
    device.firmwareVersion = '2.6.0';
    device.maintenance = { active: true, validUntil: '2030-01-01' };
    const { body } = await request(backend.server)
      .post('/api/ccc/systems')
      .set('Authorization', user)
      .send({ name: 'Zentrale', serialNumber: device.serialNumber })
      .expect(201);
    systemId = body.system.id;
    const confirmed = await fetch(`${simulator.url}/devices/${device.serialNumber}/api/v1/ccc/access/confirm`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ confirmationCode: body.token.code }),
    });
    if (confirmed.status !== 204 || (await refresh()).state !== 'paired_ok') {
      throw new Error('Setup failed: the simulated device did not pair');
    }
  });

  /** Every fault heals: once it is gone the system is back to paired OK with its data. */
  async function expectHealed() {
    await clearFaults();
    expect(await refresh()).toMatchObject({ state: 'paired_ok', paired: true, device: { model: simulator.fleet[0].model } });
  }

  afterAll(async () => {
    await backend.stop();
    await simulator.close();
  });

  it.each([
    ['offline', { offline: true }, { state: 'error', stateReason: 'unreachable' }],
    ['slower than the timeout', { slowMs: 2000 }, { state: 'error', stateReason: 'unreachable' }],
    ['answering 500', { serverError: true }, { state: 'error', stateReason: 'device_error' }],
    ['sending garbage', { garbage: true }, { state: 'error', stateReason: 'device_error' }],
    ['rebooting', { rebootSeconds: 120 }, { state: 'unknown', stateReason: 'rebooting' }],
    ['with expired maintenance', { maintenanceActive: false }, { state: 'paired_restricted', stateReason: 'maintenance_inactive' }],
    ['with too old firmware', { firmwareVersion: '2.4.2' }, { state: 'paired_restricted', stateReason: 'firmware_too_old' }],
  ])('marks a device %s, keeps the credentials and the facts', async (_name, fault, expected) => {
    await faults(fault);
    const system = await refresh();
    expect(system).toMatchObject({ ...expected, paired: true });
    expect(system.device).not.toBeNull();
    if ('maintenanceActive' in fault) {
      await faults({ maintenanceActive: true });
    }
    if ('firmwareVersion' in fault) {
      await faults({ firmwareVersion: '2.6.0' });
    }
    await expectHealed();
  });

  it('marks a login lockout and recovers when it ends', async () => {
    const device = simulator.fleet[0];
    const wrong = `Basic ${Buffer.from('intruder:guess').toString('base64')}`;
    // Someone else's failed logins lock the device ...
    for (let i = 0; i < 5; i++) {
      await fetch(`${simulator.url}/devices/${device.serialNumber}/api/v1/login`, { method: 'POST', headers: { Authorization: wrong } });
    }
    // ... and a restart ends the CCC's session, so it has to log in again.
    await faults({ rebootSeconds: 0 });
    expect(await refresh()).toMatchObject({ state: 'error', stateReason: 'locked_out', paired: true });
    await expectHealed();
});
});
