import { auditorServiceFactory } from '@backstage/backend-defaults/auditor';
import { coreServices, createServiceFactory, LoggerService } from '@backstage/backend-plugin-api';
import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { mockCredentials, mockServices, startTestBackend, TestBackend } from '@backstage/backend-test-utils';
import { RunningSimulator, startSimulator } from '@internal/comtrexx-simulator';
import { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import request from 'supertest';
import { pluginServicesProbe } from '../__testUtils__/pluginServicesProbe';
import { startTestSmtpServer, TestSmtpServer } from '../__testUtils__/testSmtpServer';
import { cccPlugin } from '../plugin';
import { createRouter } from './router';
import { confirmOnDevice } from '../__testUtils__/confirmOnDevice';

jest.setTimeout(120_000);

/*
 * The secrets scan: a full run of the backend against simulated devices and
 * a real SMTP server — pairing, mail server set-up, test mails (one with a
 * wrong password), assignment, remote configuration, every scheduled task —
 * then every GET route of the router. Every response (body and headers) and
 * every log line, including the auditor's, is searched for the SMTP
 * passwords, the device credentials and the encryption key, also in their
 * usual encodings.
 */

const ENCRYPTION_KEY = 'secrets-scan-key-Zq8v1Kx0Pw7Lm3Nb5Rt9Yc2Hd6';
const SMTP_USER = 'ccc-mailer';
const SMTP_PASSWORD = 'Smtp-Geheim-7421!x';
const WRONG_SMTP_PASSWORD = 'Falsches-Pw-9087?y';
const USER = mockCredentials.user.header('user:default/anna');

/** Log lines of the whole backend, rendered with their metadata and errors. */
const logLines: string[] = [];
function capturingLogger(fields: Record<string, unknown> = {}): LoggerService {
  const write = (level: string) => (message: string, meta?: Error | Record<string, unknown>) => {
    logLines.push(`${level} ${message} ${inspect({ ...fields, meta }, { depth: 8 })}`);
  };
  return {
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    child: more => capturingLogger({ ...fields, ...more }),
  };
}

/** The forms a secret could leak in besides plain text. */
function encodings(secret: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
  ];
  return [...new Set(forms)];
}

describe('secrets scan of API responses and logs', () => {
  let simulator: RunningSimulator;
  let smtpServer: TestSmtpServer;
  let backend: TestBackend;
  const probe = pluginServicesProbe();
  /** Everything the API sent back, one entry per response. */
  const responses: Array<{ what: string; text: string }> = [];

  async function call(method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: object) {
    let req = request(backend.server)[method](`/api/ccc${path}`).set('Authorization', USER);
    if (body) req = req.send(body);
    const res = await req;
    responses.push({ what: `${method.toUpperCase()} ${path} → ${res.status}`, text: `${JSON.stringify(res.headers)}\n${res.text ?? ''}` });
    return res;
  }

  beforeAll(async () => {
    smtpServer = await startTestSmtpServer({ users: { [SMTP_USER]: SMTP_PASSWORD } });
    simulator = await startSimulator({ seed: 4242, size: 3 });
    backend = await startTestBackend({
      features: [
        cccPlugin,
        probe.module,
        metricsServiceMock.factory(),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        auditorServiceFactory,
        createServiceFactory({ service: coreServices.rootLogger, deps: {}, factory: () => capturingLogger() }),
        createServiceFactory({
          service: coreServices.logger,
          deps: { rootLogger: coreServices.rootLogger, plugin: coreServices.pluginMetadata },
          factory: ({ rootLogger, plugin }) => rootLogger.child({ plugin: plugin.getId() }),
        }),
        mockServices.rootConfig.factory({
          data: {
            ccc: {
              encryptionKey: ENCRYPTION_KEY,
              devices: { urlTemplate: simulator.deviceUrlTemplate, timeoutMs: 3000 },
              smtp: { timeoutMs: 5000 },
              notifications: { enabled: false },
            },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    simulator.setCccPairingUrl(`http://127.0.0.1:${port}/api/ccc/pairing`);
  });

  afterAll(async () => {
    await backend?.stop();
    await simulator?.close();
    await smtpServer?.close();
  });

  it('finds no secret in any response or log line after a full run', async () => {
    // Register and pair the fleet through the devices, which send their credentials to the CCC.
    const systemIds: string[] = [];
    for (const [i, device] of simulator.fleet.entries()) {
      device.maintenance = { active: true, validUntil: '2030-01-01' };
      const created = await call('post', '/systems', { name: `PBX ${i}`, serialNumber: device.serialNumber });
      expect(created.status).toBe(201);
      const confirmed = await confirmOnDevice(simulator.url, device.serialNumber, created.body.token.code);
      expect(confirmed.status).toBe(204);
      systemIds.push(created.body.system.id);
      expect((await call('post', `/systems/${created.body.system.id}/refresh`)).status).toBe(200);
    }
    const devicePasswords = simulator.fleet.map(device => device.ccc.apiUser?.password ?? '');
    expect(devicePasswords.every(password => password.length >= 8)).toBe(true);
    const [systemId] = systemIds;

    // Mail servers: a working one and one with a wrong password; both checked.
    const server = {
      host: '127.0.0.1',
      port: smtpServer.port,
      username: SMTP_USER,
      sender: 'ccc@example.com',
      recipient: 'ops@example.com',
      noTls: true,
    };
    const good = await call('post', '/smtp-servers', { ...server, name: 'Mail', password: SMTP_PASSWORD, isDefault: true });
    expect(good.status).toBe(201);
    const wrong = await call('post', '/smtp-servers', { ...server, name: 'Falsch', password: WRONG_SMTP_PASSWORD });
    expect(wrong.status).toBe(201);
    const goodCheck = await call('post', `/smtp-servers/${good.body.id}/check`, {});
    expect(goodCheck.body).toMatchObject({ delivered: true });
    const wrongCheck = await call('post', `/smtp-servers/${wrong.body.id}/check`, {});
    expect(JSON.stringify(wrongCheck.body)).toMatch(/password|authenti/i);
    expect((await call('patch', `/smtp-servers/${wrong.body.id}`, { password: `${WRONG_SMTP_PASSWORD}2` })).status).toBe(200);
    expect((await call('put', `/systems/${systemId}/smtp`, { smtpServerId: wrong.body.id })).status).toBeLessThan(300);
    expect(smtpServer.received.length).toBeGreaterThan(0);

    // A backup job, a remote configuration session opened in the browser.
    expect((await call('post', `/systems/${systemId}/backups`, {})).status).toBeLessThan(300);
    const session = await call('post', `/systems/${systemId}/remote-session`, {});
    expect(session.status).toBe(201);
    const linkPath = new URL(session.body.url).pathname.replace(/^\/api\/ccc/, '');
    expect((await call('get', `${linkPath}`)).status).toBeLessThan(400);

    // Every scheduled task once (polls, alert mail through the wrongly configured server, jobs).
    const tasks = await probe.scheduler().getScheduledTasks();
    expect(tasks.length).toBeGreaterThan(5);
    for (const task of tasks) await probe.scheduler().triggerTask(task.id);

    // Every GET route of the router, with the ids of this run.
    const router = await createRouter({} as Parameters<typeof createRouter>[0]);
    const getRoutes = (router as unknown as { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> })
      .stack.filter(layer => layer.route?.methods.get)
      .map(layer => layer.route!.path);
    const jobs = (await call('get', `/systems/${systemId}/jobs`)).body;
    const params: Record<string, string> = {
      ':id': systemId,
      ':serial': simulator.fleet[0].serialNumber,
      ':jobId': jobs.items?.[0]?.id ?? jobs[0]?.id ?? 'none',
      ':token': 'not-a-token',
    };
    for (const path of getRoutes) {
      const filled = path
        .replace(/:[A-Za-z]+/g, param => params[param] ?? 'unknown')
        .replace('*', 'index.html');
      const query = path.includes('export') ? '?acknowledge=true' : '';
      const res = await call('get', `${filled}${query}`);
      expect(res.status).toBeLessThan(500);
    }
    for (const id of systemIds) await call('get', `/systems/${id}`);
    await call('get', `/groups/${systemId}`);

    const secrets: Record<string, string> = {
      'encryption key': ENCRYPTION_KEY,
      'SMTP password': SMTP_PASSWORD,
      'wrong SMTP password': WRONG_SMTP_PASSWORD,
      ...Object.fromEntries(devicePasswords.map((password, i) => [`device ${i} password`, password])),
    };
    expect(responses.length).toBeGreaterThan(40);
    expect(logLines.length).toBeGreaterThan(10);
    const findLeaks = (texts: Array<{ what: string; text: string }>) =>
      Object.entries(secrets).flatMap(([name, secret]) =>
        encodings(secret).flatMap(form =>
          texts.filter(t => t.text.includes(form)).map(t => `${name} in ${t.what}: ${t.text.slice(0, 200)}`),
        ),
      );
    // The scanner itself must see a planted secret, in any of its encodings.
    const planted = findLeaks([{ what: 'planted', text: `x${Buffer.from(devicePasswords[1]).toString('base64')}x` }]);
    expect(planted.length).toBeGreaterThan(0);
    expect(planted.every(leak => leak.startsWith('device 1 password in planted'))).toBe(true);

    expect(findLeaks(responses)).toEqual([]);
    expect(findLeaks(logLines.map(line => ({ what: 'log', text: line })))).toEqual([]);
  });
});
