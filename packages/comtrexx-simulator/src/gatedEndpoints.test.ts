import { RunningSimulator, startSimulator } from './server';
import { makeManageable } from './testUtils';

// Monitoring, system messages and remote access share the gate of phones and trunks (domain §3.1).
describe.each([
  ['GET', '/monitoring/samples?from=2026-06-01T09:00:00Z&to=2026-06-01T10:00:00Z'],
  ['GET', '/systemmessages'],
  ['POST', '/remoteaccess/session'],
  ['GET', '/remoteaccess/session'],
  ['DELETE', '/remoteaccess/session'],
])('%s %s gate', (method, path) => {
  const NOW = new Date('2026-06-01T10:00:00Z');
  let simulator: RunningSimulator;
  let cookie: string;

  const send = (headers: Record<string, string> = { cookie }) =>
    fetch(`${simulator.url}/devices/${simulator.fleet[0].serialNumber}/api/v1${path}`, { method, headers });

  beforeEach(async () => {
    simulator = await startSimulator({ seed: 8, size: 4, now: () => NOW });
    cookie = await makeManageable(simulator.url, simulator.fleet[0]);
  });

  afterEach(async () => {
    await simulator.close();
  });

  it('passes a manageable device', async () => {
    expect((await send()).status).toBeLessThan(300);
  });

  it('answers 401 without a session', async () => {
    const res = await send({});
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHORIZED');
  });

  it('answers 412 MAINTENANCE_REQUIRED without active maintenance', async () => {
    simulator.fleet[0].maintenance = { active: false, validUntil: '2026-05-31' };
    const res = await send();
    expect(res.status).toBe(412);
    expect((await res.json()).error).toEqual({ code: 'MAINTENANCE_REQUIRED', message: expect.any(String) });
  });

  it('answers 412 FIRMWARE_UNSUPPORTED below 2.4.4', async () => {
    simulator.fleet[0].firmwareVersion = '2.4.2';
    const res = await send();
    expect(res.status).toBe(412);
    expect((await res.json()).error.code).toBe('FIRMWARE_UNSUPPORTED');
  });

  it('answers 403 NOT_PAIRED when the pairing is gone', async () => {
    simulator.fleet[0].ccc.state = 'none';
    const res = await send();
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('NOT_PAIRED');
  });
});
