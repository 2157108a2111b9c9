import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './commands';
import { createFleet } from './fleet';
import { RunningSimulator, startSimulator } from './server';
import { basic, captureIo } from './testUtils';

describe('runCli fault', () => {
  let simulator: RunningSimulator;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date('2026-06-01T10:00:00Z');
    simulator = await startSimulator({ seed: 12, size: 2, now: () => clock });
  });

  afterEach(async () => {
    await simulator.close();
  });

  const fault = (...args: string[]) => {
    const capture = captureIo({ COMTREXX_SIMULATOR_URL: simulator.url });
    return runCli(['fault', ...args], capture.io).then(code => ({ code, ...capture }));
  };

  it('injects faults through the admin endpoint and prints the result', async () => {
    const device = simulator.fleet[0];
    const { code, stdout, stderr } = await fault(
      '--serial',
      device.serialNumber,
      '--offline',
      'on',
      '--slow',
      '1500',
      '--error',
      'on',
      '--garbage',
      'on',
      '--reboot',
      '90',
    );
    expect(stderr()).toBe('');
    expect(code).toBe(0);
    expect(device.faults).toEqual({
      offline: true,
      slowMs: 1500,
      serverError: true,
      garbage: true,
      rebootUntil: '2026-06-01T10:01:30.000Z',
      backupFails: false,
      updateFails: false,
      callDataIdZero: false,
    });
    expect(stdout()).toContain(
      `${device.serialNumber}: faults offline, slow 1500 ms, server error, garbage, rebooting (90 s left)`,
    );
  });

  it('changes maintenance, firmware and the CCC flags', async () => {
    const device = simulator.fleet[1];
    const { code, stdout } = await fault(
      '--serial',
      device.serialNumber,
      '--maintenance',
      'off',
      '--firmware',
      '2.4.2',
      '--monitoring',
      'off',
      '--remote-config',
      'on',
    );
    expect(code).toBe(0);
    expect(device.maintenance).toEqual({ active: false, validUntil: '2026-05-31' });
    expect(device.firmwareVersion).toBe('2.4.2');
    expect(device.ccc).toMatchObject({ monitoringEnabled: false, remoteConfigEnabled: true });
    expect(stdout()).toContain('maintenance off (until 2026-05-31), firmware 2.4.2, monitoring off, remote config on');
  });

  it('--clear switches faults off first, then applies the other options', async () => {
    const device = simulator.fleet[0];
    device.faults.offline = true;
    device.faults.garbage = true;
    const { code, stdout } = await fault('--serial', device.serialNumber, '--clear', '--slow', '20');
    expect(code).toBe(0);
    expect(device.faults).toMatchObject({ offline: false, garbage: false, slowMs: 20 });
    expect(stdout()).toContain('faults slow 20 ms');
  });

  it('shows the faults and a login lockout without options', async () => {
    const device = simulator.fleet[0];
    for (let i = 0; i < 5; i++) {
      await fetch(`${simulator.url}/devices/${device.serialNumber}/api/v1/login`, {
        method: 'POST',
        headers: { authorization: basic('x', 'y') },
      });
    }
    const { code, stdout } = await fault('--serial', device.serialNumber, '--url', simulator.url);
    expect(code).toBe(0);
    expect(stdout()).toMatch(new RegExp(`^${device.serialNumber}: faults none\\n  logins: blocked for 60 s\\n`));
  });

  it('reports what the simulator refuses with exit code 1', async () => {
    const bad = await fault('--serial', simulator.fleet[0].serialNumber, '--firmware', '2.4');
    expect(bad.code).toBe(1);
    expect(bad.stderr()).toMatch(/changing faults failed: firmwareVersion must be a version of the form X.Y.Z.*\(HTTP 400 BAD_REQUEST\)/);

    const unknown = await fault('--serial', 'CTX000000000', '--offline', 'on');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr()).toMatch(/No simulated COMtrexx with serial number CTX000000000 \(HTTP 404 NOT_FOUND\)/);
  });

  it.each([
    [['--offline', 'on']],
    [['--serial', 'CTX1', '--offline', 'yes']],
    [['--serial', 'CTX1', '--slow', 'fast']],
    [['--serial', 'CTX1', '--reboot', '-1']],
    [['--serial', 'CTX1', '--bogus']],
  ])('answers wrong usage %p with exit code 2', async args => {
    const { code, stderr } = await fault(...args);
    expect(code).toBe(2);
    expect(stderr()).toMatch(/Usage:/);
    expect(simulator.fleet.every(d => !d.faults.offline)).toBe(true);
  });
});

describe('runCli start --faults', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'comtrexx-faults-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts with the faults of the file and lists them', async () => {
    const serial = createFleet({ seed: 3, size: 2 })[1].serialNumber;
    const file = join(dir, 'faults.json');
    await writeFile(file, JSON.stringify({ '0': { garbage: true }, [serial]: { slowMs: 7 } }));
    const stop = new AbortController();
    stop.abort();
    let fleet: RunningSimulator['fleet'] = [];
    const { io, stdout } = captureIo();
    const code = await runCli(['start', '--port', '0', '--seed', '3', '--devices', '2', '--faults', file], {
      ...io,
      signal: stop.signal,
      onStarted: s => {
        fleet = s.fleet;
      },
    });
    expect(code).toBe(0);
    expect(fleet[0].faults.garbage).toBe(true);
    expect(fleet[1].faults.slowMs).toBe(7);
    expect(stdout()).toContain('faults: garbage');
    expect(stdout()).toContain(`${serial}`);
    expect(stdout()).toContain('faults: slow 7 ms');
  });

  it.each([
    ['a missing file', null, /cannot read the fault file/],
    ['invalid JSON', '{offline', /is not valid JSON/],
    ['an unknown device', JSON.stringify({ '9': { offline: true } }), /unknown device "9"/],
  ])('fails with exit code 1 for %s', async (_label, content, message) => {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    if (content !== null) await writeFile(file, content);
    const { io, stderr } = captureIo();
    expect(await runCli(['start', '--port', '0', '--devices', '2', '--faults', file], io)).toBe(1);
    expect(stderr()).toMatch(message);
  });
});
