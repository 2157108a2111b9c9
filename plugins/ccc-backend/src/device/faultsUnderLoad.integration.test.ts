import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { mockCredentials, mockServices, startTestBackend, TestBackend } from '@backstage/backend-test-utils';
import { RunningSimulator, startSimulator } from '@internal/comtrexx-simulator';
import { Knex } from 'knex';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { pluginServicesProbe } from '../__testUtils__/pluginServicesProbe';
import { cccPlugin } from '../plugin';
import { confirmOnDevice } from '../__testUtils__/confirmOnDevice';

jest.setTimeout(300_000);

/*
 * Device faults under load: every periodic job of the plugin runs (all at
 * once, as a busy backend would) while the simulator's faults are cycled over
 * the fleet — offline, slow, 500, garbage, reboot, login lockout, revoked
 * access — and users keep calling the API. Each round checks that the API
 * answered throughout without a 500, that every system carries the state its
 * device's fault means (and untouched devices stay paired OK), and that no
 * stored row was lost. At the end the faults are lifted and the fleet heals.
 */

const USER = mockCredentials.user.header('user:default/anna');
const DEVICES = 9;
const ROUNDS = 3;
/**
 * Tables whose rows must never go away while devices misbehave. (Monitoring buckets are not among
 * them: old fine-grained buckets are pruned by design; their newest bucket per system is checked.)
 */
const KEPT_TABLES = ['systems', 'call_data', 'audit_events', 'system_warnings', 'device_jobs'];

interface Fault {
  name: string;
  expected: { state: string; stateReason: string | null; paired: boolean };
}
const FAULTS: Fault[] = [
  { name: 'offline', expected: { state: 'error', stateReason: 'unreachable', paired: true } },
  { name: 'slow', expected: { state: 'error', stateReason: 'unreachable', paired: true } },
  { name: 'serverError', expected: { state: 'error', stateReason: 'device_error', paired: true } },
  { name: 'garbage', expected: { state: 'error', stateReason: 'device_error', paired: true } },
  { name: 'reboot', expected: { state: 'unknown', stateReason: 'rebooting', paired: true } },
  { name: 'lockout', expected: { state: 'error', stateReason: 'locked_out', paired: true } },
  { name: 'revoked', expected: { state: 'error', stateReason: 'access_revoked', paired: false } },
];
const HEALTHY = { state: 'paired_ok', stateReason: null, paired: true };

describe('device faults while every periodic job runs', () => {
  let simulator: RunningSimulator;
  let backend: TestBackend;
  let knex: Knex;
  const probe = pluginServicesProbe();
  const systemIds: string[] = [];

  const api = () => request(backend.server);
  const device = (i: number) => simulator.fleet[i];
  const deviceUrl = (i: number, path: string) => `${simulator.url}/devices/${device(i).serialNumber}/api/v1${path}`;
  const setFaults = async (i: number, body: object) => {
    const res = await fetch(`${simulator.url}/fleet/${device(i).serialNumber}/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`Injecting ${JSON.stringify(body)} failed: ${res.status}`);
  };
  const confirm = (i: number, code: string) => confirmOnDevice(simulator.url, device(i).serialNumber, code);

  async function inject(i: number, fault: string) {
    switch (fault) {
      case 'offline':
        return setFaults(i, { offline: true });
      case 'slow':
        return setFaults(i, { slowMs: 1500 });
      case 'serverError':
        return setFaults(i, { serverError: true });
      case 'garbage':
        return setFaults(i, { garbage: true });
      case 'reboot':
        return setFaults(i, { rebootSeconds: 600 });
      case 'lockout': {
        // Someone else's failed logins lock the device; a restart ends the CCC's session.
        const wrong = `Basic ${Buffer.from('intruder:guess').toString('base64')}`;
        for (let n = 0; n < 5; n++) await fetch(deviceUrl(i, '/login'), { method: 'POST', headers: { Authorization: wrong } });
        return setFaults(i, { rebootSeconds: 0 });
      }
      case 'revoked':
        await fetch(deviceUrl(i, '/ccc/access'), { method: 'DELETE' });
        return undefined;
      default:
        throw new Error(`unknown fault ${fault}`);
    }
  }

  /** Lifts every fault; a device whose access was revoked is paired again as an admin would. */
  async function heal(i: number) {
    await fetch(`${simulator.url}/fleet/${device(i).serialNumber}/faults`, { method: 'DELETE' });
    const system = (await api().get(`/api/ccc/systems/${systemIds[i]}`).set('Authorization', USER).expect(200)).body;
    if (!system.paired) {
      const token = await api().post(`/api/ccc/systems/${systemIds[i]}/token`).set('Authorization', USER).expect(200);
      expect((await confirm(i, token.body.code)).status).toBe(204);
    }
  }

  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of KEPT_TABLES) {
      const [{ n }] = await knex(table).count({ n: '*' });
      result[table] = Number(n);
    }
    // Each system's newest monitoring bucket, as a number that may only grow.
    const newest: Array<{ system_id: string; ts: string }> = await knex('monitoring_buckets')
      .groupBy('system_id')
      .select('system_id')
      .max({ ts: 'ts' });
    for (const row of newest) result[`monitoring ${row.system_id}`] = Date.parse(row.ts);
    return result;
  }

  /** Users reading the portal while the jobs run; every status is recorded. */
  async function userLoad(until: Promise<unknown>): Promise<number[]> {
    const statuses: number[] = [];
    let done = false;
    until.finally(() => {
      done = true;
    });
    const paths = (i: number) => [
      '/systems',
      `/systems/${systemIds[i]}`,
      `/systems/${systemIds[i]}/calldata?limit=50`,
      `/systems/${systemIds[i]}/monitoring`,
      `/systems/${systemIds[i]}/warnings`,
      `/systems/${systemIds[i]}/backups`,
      `/systems/${systemIds[i]}/registration`,
      '/dashboard',
      '/scorecards',
      '/phones',
    ];
    for (let n = 0; !done || n < 20; n++) {
      const path = paths(n % DEVICES)[n % 10];
      const res = await api().get(`/api/ccc${path}`).set('Authorization', USER);
      statuses.push(res.status);
      if (res.status >= 500 && ![502, 503, 504].includes(res.status)) {
        throw new Error(`GET ${path} answered ${res.status}: ${res.text}`);
      }
    }
    return statuses;
  }

  beforeAll(async () => {
    simulator = await startSimulator({ seed: 2027, size: DEVICES });
    backend = await startTestBackend({
      features: [
        cccPlugin,
        probe.module,
        metricsServiceMock.factory(),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.rootConfig.factory({
          data: {
            ccc: {
              encryptionKey: 'faults-under-load-key-0123456789abcdefghij',
              devices: { urlTemplate: simulator.deviceUrlTemplate, timeoutMs: 400 },
            },
          },
        }),
      ],
    });
    simulator.setCccPairingUrl(`http://127.0.0.1:${(backend.server.address() as AddressInfo).port}/api/ccc/pairing`);
    knex = await probe.database().getClient();
    for (let i = 0; i < DEVICES; i++) {
      Object.assign(device(i), {
        firmwareVersion: '2.6.0',
        maintenance: { active: true, validUntil: '2030-01-01' },
      });
      device(i).ccc = { ...device(i).ccc, monitoringEnabled: true };
      const { body } = await api()
        .post('/api/ccc/systems')
        .set('Authorization', USER)
        .send({ name: `PBX ${i}`, serialNumber: device(i).serialNumber })
        .expect(201);
      systemIds.push(body.system.id);
      const confirmed = await confirm(i, body.token.code);
      if (confirmed.status !== 204) throw new Error(`Set-up failed: device ${i} did not pair (${confirmed.status})`);
      await api().post(`/api/ccc/systems/${body.system.id}/refresh`).set('Authorization', USER).expect(200);
    }
    // A first quiet round collects what the devices hold. On a busy machine a read can miss the 400 ms limit;
    // the set-up needs data of every device before faults start, so a round is repeated until it has them.
    for (let round = 0; round < 5; round++) {
      await probe.runAllTasks();
      const c = await counts();
      const monitored = Object.keys(c).filter(key => key.startsWith('monitoring ')).length;
      if (monitored === DEVICES && c.call_data > 0) break;
    }
  });

  afterAll(async () => {
    await backend?.stop();
    await simulator?.close();
  });

  it('answers, marks states and keeps every stored row through rounds of faults, then heals', async () => {
    let before = await counts();
    expect(before.systems).toBe(DEVICES);
    expect(before.call_data).toBeGreaterThan(0);
    expect(Object.keys(before).filter(key => key.startsWith('monitoring '))).toHaveLength(DEVICES);

    for (let round = 0; round < ROUNDS; round++) {
      // Devices 0..6 get a fault each, shifted every round; the others are the healthy control.
      const faultOf = (i: number) => (i < FAULTS.length ? FAULTS[(i + round) % FAULTS.length] : undefined);
      for (let i = 0; i < DEVICES; i++) {
        const fault = faultOf(i);
        if (fault) await inject(i, fault.name);
      }

      const jobs = probe.runAllTasks();
      const statuses = await userLoad(jobs);
      await jobs;
      expect(statuses.filter(s => s === 200).length).toBeGreaterThan(statuses.length / 2);

      const { body } = await api().get('/api/ccc/systems').set('Authorization', USER).expect(200);
      for (let i = 0; i < DEVICES; i++) {
        const system = body.items.find((s: { id: string }) => s.id === systemIds[i]);
        const expected = faultOf(i)?.expected ?? HEALTHY;
        expect({ device: i, fault: faultOf(i)?.name ?? 'none', ...pick(system) }).toEqual({
          device: i,
          fault: faultOf(i)?.name ?? 'none',
          ...expected,
        });
        // What was known of the device stays known while it misbehaves.
        expect(system.device).not.toBeNull();
      }

      const after = await counts();
      for (const key of Object.keys(before)) {
        expect({ key, kept: after[key] >= before[key] }).toEqual({ key, kept: true });
      }
      before = after;
      for (let i = 0; i < DEVICES; i++) await heal(i);
    }

    // Faults lifted: the next round finds the whole fleet paired OK and collection carries on.
    await probe.runAllTasks();
    const { body } = await api().get('/api/ccc/systems').set('Authorization', USER).expect(200);
    expect(body.items.map(pick)).toEqual(Array.from({ length: DEVICES }, () => HEALTHY));
    const final = await counts();
    for (const key of Object.keys(before)) expect(final[key]).toBeGreaterThanOrEqual(before[key]);
  });
});

function pick(system: { state: string; stateReason: string | null; paired: boolean }) {
  return { state: system.state, stateReason: system.stateReason, paired: system.paired };
}
