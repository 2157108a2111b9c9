import { pairingUrlFromBase, runCli } from './commands';
import { RunningSimulator, startSimulator } from './server';
import { deadUrl, FakeCcc, startFakeCcc } from './testUtils';

function captureIo(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      env,
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

describe('runCli', () => {
  let simulator: RunningSimulator;
  let ccc: FakeCcc;

  beforeEach(async () => {
    ccc = await startFakeCcc();
    simulator = await startSimulator({ seed: 5, size: 2, cccPairingUrl: ccc.pairingUrl });
  });

  afterEach(async () => {
    await simulator.close();
    await ccc.close();
  });

  it('confirm pairs a device of a running simulator', async () => {
    const serial = simulator.fleet[0].serialNumber;
    const { io, stdout, stderr } = captureIo();
    const code = await runCli(['confirm', '--serial', serial, '--token', 'ABCD-1234', '--url', simulator.url], io);
    expect(code).toBe(0);
    expect(stdout()).toBe(`${serial}: paired with the CCC\n`);
    expect(stderr()).toBe('');
    expect(ccc.received[0].body).toMatchObject({ serialNumber: serial, token: 'ABCD-1234' });
    expect(simulator.fleet[0].ccc.state).toBe('confirmed');
  });

  it('confirm prints the refusal message of the CCC and exits 1', async () => {
    ccc.respondWith(410, { error: { message: 'The confirmation code has expired' } });
    const serial = simulator.fleet[0].serialNumber;
    const { io, stdout, stderr } = captureIo({ COMTREXX_SIMULATOR_URL: simulator.url });
    const code = await runCli(['confirm', '--serial', serial, '--token', 'OLD'], io);
    expect(code).toBe(1);
    expect(stdout()).toBe('');
    expect(stderr()).toBe(
      `${serial}: pairing failed: The confirmation code has expired (HTTP 410 PAIRING_REFUSED)\n`,
    );
  });

  it('confirm reports an unknown serial number', async () => {
    const { io, stderr } = captureIo();
    expect(await runCli(['confirm', '--serial', 'CTX000000000', '--token', 'T', '--url', simulator.url], io)).toBe(1);
    expect(stderr()).toMatch(/No simulated COMtrexx with serial number CTX000000000 \(HTTP 404 NOT_FOUND\)/);
  });

  it('confirm reports a simulator that is not running', async () => {
    const { io, stderr } = captureIo();
    const url = new URL(await deadUrl()).origin;
    expect(await runCli(['confirm', '--serial', 'CTX1', '--token', 'T', '--url', url], io)).toBe(1);
    expect(stderr()).toMatch(/cannot reach the simulator/);
  });

  it('revoke withdraws the pairing', async () => {
    const serial = simulator.fleet[1].serialNumber;
    await runCli(['confirm', '--serial', serial, '--token', 'T', '--url', simulator.url], captureIo().io);
    const { io, stdout } = captureIo();
    expect(await runCli(['revoke', '--serial', serial, '--url', simulator.url], io)).toBe(0);
    expect(stdout()).toBe(`${serial}: CCC access revoked\n`);
    expect(simulator.fleet[1].ccc).toMatchObject({ state: 'none', apiUser: null });
  });

  it.each([
    [['confirm', '--serial', 'CTX1']],
    [['revoke']],
    [['confirm', '--serial', 'CTX1', '--token', 'T', '--bogus']],
    [['frobnicate']],
    [['--port', 'eighty']],
  ])('answers wrong usage %p with exit code 2 and the usage text', async argv => {
    const { io, stderr } = captureIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(stderr()).toMatch(/Usage:/);
  });

  it.each([[['start']], [[]]])('starts a simulator for %p until the signal aborts', async prefix => {
    const stop = new AbortController();
    let started: RunningSimulator | undefined;
    const { io, stdout } = captureIo({ CCC_BACKEND_URL: ccc.baseUrl });
    const running = runCli([...prefix, '--port', '0', '--devices', '3', '--seed', '9'], {
      ...io,
      signal: stop.signal,
      onStarted: s => {
        started = s;
      },
    });
    await waitFor(() => started !== undefined);
    expect(started!.fleet).toHaveLength(3);
    expect(started!.cccPairingUrl).toBe(ccc.pairingUrl);
    expect(stdout()).toContain(`Pairing requests go to ${ccc.pairingUrl}`);
    expect((await fetch(`${started!.url}/health`)).status).toBe(200);

    stop.abort();
    expect(await running).toBe(0);
    await expect(fetch(`${started!.url}/health`)).rejects.toThrow();
  });

  it('prefers --ccc-url over CCC_BACKEND_URL', async () => {
    const stop = new AbortController();
    stop.abort();
    let pairingUrl = '';
    const { io } = captureIo({ CCC_BACKEND_URL: 'http://elsewhere:1/api/ccc' });
    const code = await runCli(['--port', '0', '--ccc-url', 'http://127.0.0.1:9/api/ccc/'], {
      ...io,
      signal: stop.signal,
      onStarted: s => {
        pairingUrl = s.cccPairingUrl;
      },
    });
    expect(code).toBe(0);
    expect(pairingUrl).toBe('http://127.0.0.1:9/api/ccc/pairing');
  });

  it('derives the pairing URL from the backend base', () => {
    expect(pairingUrlFromBase('http://127.0.0.1:7007/api/ccc')).toBe('http://127.0.0.1:7007/api/ccc/pairing');
    expect(pairingUrlFromBase('http://127.0.0.1:7007/api/ccc//')).toBe('http://127.0.0.1:7007/api/ccc/pairing');
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  if (!condition()) throw new Error('condition not met in time');
}
