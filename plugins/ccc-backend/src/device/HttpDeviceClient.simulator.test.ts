import { RunningSimulator, startSimulator } from '@internal/comtrexx-simulator';
import { DeviceFirmwareUnsupportedError, DeviceMaintenanceRequiredError } from './errors';
import { HttpDeviceClient } from './HttpDeviceClient';

/** The client against a real simulator process over HTTP (not msw): the shapes must match. */
describe('HttpDeviceClient against the simulator', () => {
  let simulator: RunningSimulator;

  beforeAll(async () => {
    simulator = await startSimulator({ seed: 8, size: 1 });
    const device = simulator.fleet[0];
    device.firmwareVersion = '2.6.0';
    device.maintenance = { active: true, validUntil: '2030-01-01' };
    device.ccc = { ...device.ccc, state: 'confirmed', apiUser: { username: 'ccc-api', password: 'sim-pw-123' } };
  });

  afterAll(async () => {
    await simulator.close();
  });

  const target = () => ({
    serialNumber: simulator.fleet[0].serialNumber,
    baseUrl: simulator.deviceUrlTemplate.replace('{serial}', simulator.fleet[0].serialNumber),
    credentials: { username: 'ccc-api', password: 'sim-pw-123' },
    allowSelfSignedTls: false,
  });

  it('reads all phones and trunks of the device', async () => {
    const client = new HttpDeviceClient();
    const phones = await client.listPhoneStatus(target());
    const trunks = await client.listTrunkStatus(target());
    expect(phones.map(p => p.id)).toEqual(simulator.fleet[0].phones.map(p => p.id));
    expect(trunks.map(t => t.id)).toEqual(simulator.fleet[0].trunks.map(t => t.id));
    expect(phones.length).toBeGreaterThan(0);
  });

  it('gets typed refusals when maintenance or firmware do not allow it', async () => {
    const device = simulator.fleet[0];
    device.maintenance = { active: false, validUntil: '2026-01-01' };
    await expect(new HttpDeviceClient().listPhoneStatus(target())).rejects.toThrow(DeviceMaintenanceRequiredError);
    device.maintenance = { active: true, validUntil: '2030-01-01' };
    device.firmwareVersion = '2.4.2';
    await expect(new HttpDeviceClient().listTrunkStatus(target())).rejects.toThrow(DeviceFirmwareUnsupportedError);
    device.firmwareVersion = '2.6.0';
  });
});

describe('HttpDeviceClient monitoring, messages and remote access against the simulator', () => {
  let simulator: RunningSimulator;

  beforeAll(async () => {
    simulator = await startSimulator({ seed: 9, size: 1 });
    const device = simulator.fleet[0];
    device.firmwareVersion = '2.6.0';
    device.maintenance = { active: true, validUntil: '2030-01-01' };
    device.ccc = {
      ...device.ccc,
      state: 'confirmed',
      monitoringEnabled: true,
      remoteConfigEnabled: true,
      apiUser: { username: 'ccc-api', password: 'sim-pw-456' },
    };
  });

  afterAll(async () => {
    await simulator.close();
  });

  const target = () => ({
    serialNumber: simulator.fleet[0].serialNumber,
    baseUrl: simulator.deviceUrlTemplate.replace('{serial}', simulator.fleet[0].serialNumber),
    credentials: { username: 'ccc-api', password: 'sim-pw-456' },
    allowSelfSignedTls: false,
  });

  it('reads an hour of samples at one per minute', async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 60 * 60 * 1000);
    const samples = await new HttpDeviceClient().getMonitoringSamples(target(), { from, to, stepSeconds: 60 });
    expect(samples.length).toBeGreaterThanOrEqual(59);
    expect(samples.length).toBeLessThanOrEqual(60);
    for (const s of samples) {
      expect(s.cpuLoadPercent).toBeGreaterThanOrEqual(0);
      expect(s.cpuLoadPercent).toBeLessThanOrEqual(100);
      expect(s.memUsedBytes).toBeLessThan(s.memTotalBytes);
    }
  });

  it('reads system messages after a cursor', async () => {
    const client = new HttpDeviceClient();
    const all = await client.listSystemMessages(target(), 0);
    expect(all.length).toBeGreaterThan(0);
    const ids = all.map(m => m.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const later = await client.listSystemMessages(target(), ids[Math.floor(ids.length / 2)]);
    expect(later.every(m => m.id > ids[Math.floor(ids.length / 2)])).toBe(true);
  });

  it('opens, shows and closes a remote-access session', async () => {
    const client = new HttpDeviceClient();
    const session = await client.openRemoteSession(target());
    expect(session.url).toContain(simulator.fleet[0].serialNumber);
    expect(await client.getRemoteSession(target())).toMatchObject({ active: true, sessionId: session.sessionId });
    await client.closeRemoteSession(target());
    expect((await client.getRemoteSession(target())).active).toBe(false);
  });
});
