import { RunningSimulator, startSimulator } from './server';

describe('simulator HTTP server', () => {
  let simulator: RunningSimulator;

  beforeAll(async () => {
    simulator = await startSimulator({ seed: 11, size: 3 });
  });

  afterAll(async () => {
    await simulator.close();
  });

  it('reports its health', async () => {
    const res = await fetch(`${simulator.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', devices: 3 });
  });

  it('lists the fleet in the COMtrexx envelope', async () => {
    const body = await (await fetch(`${simulator.url}/fleet`)).json();
    expect(body._links.totalCount).toBe(3);
    expect(body.data.map((d: { serialNumber: string }) => d.serialNumber)).toEqual(
      simulator.fleet.map(d => d.serialNumber),
    );
  });

  it('serves each device under the URL template', async () => {
    const device = simulator.fleet[0];
    const url = `${simulator.deviceUrlTemplate.replace('{serial}', device.serialNumber)}/api/v1/system/info`;
    const info = await (await fetch(url)).json();
    expect(info).toMatchObject({
      serialNumber: device.serialNumber,
      model: device.model,
      firmwareVersion: device.firmwareVersion,
      macAddress: device.macAddress,
    });
    expect(info.uptimeSeconds).toBeGreaterThan(0);
  });

  it('answers 404 with a reason for an unknown serial number', async () => {
    const res = await fetch(`${simulator.url}/devices/NOSUCHDEVICE/api/v1/system/info`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });

  it('reflects live changes to the fleet', async () => {
    simulator.fleet[0].firmwareVersion = '9.9.9';
    const url = `${simulator.url}/devices/${simulator.fleet[0].serialNumber}/api/v1/system/info`;
    expect((await (await fetch(url)).json()).firmwareVersion).toBe('9.9.9');
  });
});
