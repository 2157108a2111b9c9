import { REMOTE_SESSION_MINUTES } from './remoteAccess';
import { RunningSimulator, startSimulator } from './server';
import { makeManageable } from './testUtils';

describe('remote access session', () => {
  let clock: Date;
  let simulator: RunningSimulator;
  let cookie: string;
  let serial: string;

  const call = (method: string, headers: Record<string, string> = { cookie }) =>
    fetch(`${simulator.url}/devices/${serial}/api/v1/remoteaccess/session`, { method, headers });
  const webui = (query: string) => fetch(`${simulator.url}/devices/${serial}/webui/${query}`);

  beforeEach(async () => {
    clock = new Date('2026-06-01T10:00:00Z');
    simulator = await startSimulator({ seed: 8, size: 4, now: () => clock });
    serial = simulator.fleet[0].serialNumber;
    // Device 0 of every fleet allows remote configuration; set anyway so the tests do not depend on it.
    simulator.fleet[0].ccc.remoteConfigEnabled = true;
    cookie = await makeManageable(simulator.url, simulator.fleet[0]);
  });

  afterEach(async () => {
    await simulator.close();
  });

  it('is inactive until one is opened', async () => {
    const res = await call('GET');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ active: false });
  });

  it('opens a session for 30 minutes, reuses it while active and reports it', async () => {
    const created = await call('POST');
    expect(created.status).toBe(201);
    const session = await created.json();
    expect(session).toEqual({
      sessionId: expect.stringMatching(/^[0-9a-f]{32}$/),
      url: `${simulator.url}/devices/${serial}/webui/?session=${session.sessionId}`,
      expiresAt: new Date(clock.getTime() + REMOTE_SESSION_MINUTES * 60_000).toISOString(),
    });
    expect(REMOTE_SESSION_MINUTES).toBe(30);

    clock = new Date('2026-06-01T10:10:00Z');
    const again = await call('POST');
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(session);

    expect(await (await call('GET')).json()).toEqual({
      active: true,
      sessionId: session.sessionId,
      expiresAt: session.expiresAt,
    });
  });

  it('counts an expired session as inactive and opens a new one', async () => {
    const first = await (await call('POST')).json();
    clock = new Date('2026-06-01T10:29:59Z');
    expect((await (await call('GET')).json()).active).toBe(true);
    clock = new Date('2026-06-01T10:30:00Z');
    expect(await (await call('GET')).json()).toEqual({ active: false });
    expect((await webui(`?session=${first.sessionId}`)).status).toBe(403);
    const second = await call('POST');
    expect(second.status).toBe(201);
    expect((await second.json()).sessionId).not.toBe(first.sessionId);
  });

  it('ends the session on DELETE', async () => {
    const { sessionId } = await (await call('POST')).json();
    const res = await call('DELETE');
    expect(res.status).toBe(204);
    expect(await (await call('GET')).json()).toEqual({ active: false });
    expect((await webui(`?session=${sessionId}`)).status).toBe(403);
    // Idempotent.
    expect((await call('DELETE')).status).toBe(204);
  });

  it('answers 412 REMOTE_CONFIG_DISABLED when the device does not allow it, and ends a running session', async () => {
    const { sessionId } = await (await call('POST')).json();
    simulator.fleet[0].ccc.remoteConfigEnabled = false;
    const res = await call('POST');
    expect(res.status).toBe(412);
    expect((await res.json()).error).toEqual({ code: 'REMOTE_CONFIG_DISABLED', message: expect.any(String) });
    expect(await (await call('GET')).json()).toEqual({ active: false });
    expect((await webui(`?session=${sessionId}`)).status).toBe(403);
  });

  it('serves the web UI page with a valid session id, without the CCC cookie', async () => {
    const { url, sessionId } = await (await call('POST')).json();
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const { model } = simulator.fleet[0];
    expect(await res.text()).toContain(`${model} ${serial} – web interface (simulated)`);
    expect((await webui(`?session=${sessionId}`)).status).toBe(200);
  });

  it.each(['', '?session=', '?session=0123456789abcdef0123456789abcdef'])('refuses the web UI with 403 for %p', async query => {
    await call('POST');
    const res = await webui(query);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('Forbidden');
  });

  it('does not let a session of one device open another device', async () => {
    const { sessionId } = await (await call('POST')).json();
    const other = simulator.fleet[1].serialNumber;
    expect((await fetch(`${simulator.url}/devices/${other}/webui/?session=${sessionId}`)).status).toBe(403);
  });
});
