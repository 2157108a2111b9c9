import { acceleratedClock, MAX_CLOCK_SPEED } from './clock';
import { runCli } from './commands';
import { LOCKOUT_FAILED_LOGINS, LOCKOUT_SECONDS } from './lockout';
import { RunningSimulator, startSimulator } from './server';
import { basic, captureIo, makeManageable } from './testUtils';

describe('acceleratedClock', () => {
  it('runs speed times as fast as the base from its creation on', () => {
    let base = new Date('2026-06-01T08:00:00Z');
    const now = acceleratedClock(() => base, 60);
    expect(now().toISOString()).toBe('2026-06-01T08:00:00.000Z');
    base = new Date('2026-06-01T08:00:01.500Z');
    expect(now().toISOString()).toBe('2026-06-01T08:01:30.000Z');
    const slow = acceleratedClock(() => base, 0.5);
    base = new Date('2026-06-01T08:00:03.500Z');
    expect(slow().toISOString()).toBe('2026-06-01T08:00:02.500Z');
  });

  it('leaves the base alone at speed 1', () => {
    const base = () => new Date(0);
    expect(acceleratedClock(base, 1)).toBe(base);
  });

  it.each([0, -2, Number.NaN, Number.POSITIVE_INFINITY, MAX_CLOCK_SPEED + 1])('refuses speed %p', speed => {
    expect(() => acceleratedClock(() => new Date(), speed)).toThrow(/clock speed must be a number above 0/);
  });
});

describe('startSimulator with a speed factor', () => {
  let base: Date;
  let simulator: RunningSimulator;

  const setBase = (iso: string) => {
    base = new Date(iso);
  };
  const device = () => simulator.fleet[0];
  const deviceUrl = (path: string) => `${simulator.url}/devices/${device().serialNumber}${path}`;
  const systemTime = async () => (await (await fetch(deviceUrl('/api/v1/system/info'))).json()).systemTime as string;

  afterEach(async () => {
    await simulator.close();
  });

  it('moves the device clock, sessions and call data speed times as fast', async () => {
    setBase('2026-06-01T08:00:00Z');
    simulator = await startSimulator({ seed: 8, size: 1, now: () => base, speed: 3600 });
    expect(await systemTime()).toBe('2026-06-01T08:00:00.000Z');
    const cookie = await makeManageable(simulator.url, device());
    const calls = async () =>
      (await (await fetch(deviceUrl('/api/v1/calldata?limit=1000&offset=17000'), { headers: { cookie } })).json())
        .data as { CallDataId: number }[];
    const newestBefore = (await calls()).at(-1)!.CallDataId;

    // One real second is a simulated hour: office hours in Berlin bring new calls.
    setBase('2026-06-01T08:00:01Z');
    expect(await systemTime()).toBe('2026-06-01T09:00:00.000Z');
    expect((await calls()).at(-1)!.CallDataId).toBeGreaterThan(newestBefore);

    // The 24-hour session ends after 24 real seconds.
    setBase('2026-06-01T08:00:23Z');
    expect((await fetch(deviceUrl('/api/v1/calldata?limit=1'), { headers: { cookie } })).status).toBe(200);
    setBase('2026-06-01T08:00:24Z');
    expect((await fetch(deviceUrl('/api/v1/calldata?limit=1'), { headers: { cookie } })).status).toBe(401);
  });

  it('lifts a login lockout after its simulated duration', async () => {
    setBase('2026-06-01T08:00:00Z');
    const speed = 60;
    simulator = await startSimulator({ seed: 8, size: 1, now: () => base, speed });
    await makeManageable(simulator.url, device());
    const { username, password } = device().ccc.apiUser!;
    const login = (pw: string) =>
      fetch(deviceUrl('/api/v1/login'), { method: 'POST', headers: { authorization: basic(username, pw) } });
    for (let i = 0; i < LOCKOUT_FAILED_LOGINS; i++) await login('wrong');
    const blocked = await login(password);
    expect(blocked.status).toBe(423);
    expect(await blocked.json()).toEqual({ blocked: LOCKOUT_SECONDS });
    // The block started at the fifth failure, at real time 0; 0.99 real seconds are 59.4 simulated ones.
    setBase('2026-06-01T08:00:00.990Z');
    expect((await login(password)).status).toBe(423);
    setBase(new Date(Date.parse('2026-06-01T08:00:00Z') + (LOCKOUT_SECONDS * 1000) / speed).toISOString());
    expect((await login(password)).status).toBe(200);
  });

  it('refuses an unusable speed', async () => {
    await expect(startSimulator({ size: 1, speed: 0 })).rejects.toThrow(/clock speed/);
    simulator = await startSimulator({ size: 1 });
  });
});

describe('comtrexx-simulator start --speed', () => {
  it('starts a simulator whose clock runs faster', async () => {
    const stop = new AbortController();
    let started: RunningSimulator | undefined;
    const { io, stdout } = captureIo();
    const running = runCli(['start', '--port', '0', '--devices', '1', '--speed', '100000'], {
      ...io,
      signal: stop.signal,
      onStarted: s => {
        started = s;
      },
    });
    for (let i = 0; i < 200 && !started; i++) await new Promise(resolve => setTimeout(resolve, 10));
    expect(stdout()).toContain('Simulated time runs 100000 times as fast as real time');
    const url = `${started!.url}/devices/${started!.fleet[0].serialNumber}/api/v1/system/info`;
    const first = Date.parse((await (await fetch(url)).json()).systemTime);
    await new Promise(resolve => setTimeout(resolve, 50));
    const second = Date.parse((await (await fetch(url)).json()).systemTime);
    // At least 50 ms later in real time: over an hour later on the device.
    expect(second - first).toBeGreaterThan(3_600_000);
    stop.abort();
    expect(await running).toBe(0);
  });

  it.each(['0', '-1', 'fast', ''])('answers --speed %p with exit code 2', async value => {
    const { io, stderr } = captureIo();
    expect(await runCli(['start', '--port', '0', `--speed=${value}`], io)).toBe(2);
    expect(stderr()).toMatch(/--speed must be a number above 0/);
  });
});
