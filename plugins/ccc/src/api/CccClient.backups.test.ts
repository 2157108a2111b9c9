import { CccClient } from './CccClient';

/** A client whose fetch records each request and answers with `body`. */
function clientAnswering(body: unknown, status = 200) {
  const calls: Array<{ url: string; method: string; body?: unknown }> = [];
  const fetchApi = {
    fetch: jest.fn(async (url: string, init?: RequestInit) => {
      calls.push({
        url,
        method: init?.method ?? 'GET',
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      });
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    }),
  };
  const discoveryApi = { getBaseUrl: jest.fn(async () => 'http://backend/api/ccc') };
  return { client: new CccClient({ discoveryApi, fetchApi: fetchApi as any }), calls };
}

const base = 'http://backend/api/ccc';
const systemId = '7d1f4c1e-0f6a-4c55-9b39-9d0f5c1a2b3c';

describe('CccClient backups and firmware', () => {
  it.each([
    ['getBackups', (c: CccClient) => c.getBackups(systemId), 'GET', `/systems/${systemId}/backups`, undefined],
    ['createBackup', (c: CccClient) => c.createBackup(systemId), 'POST', `/systems/${systemId}/backups`, undefined],
    [
      'deleteBackups',
      (c: CccClient) => c.deleteBackups(systemId, ['b1', 'b2']),
      'POST',
      `/systems/${systemId}/backups/delete`,
      { ids: ['b1', 'b2'] },
    ],
    [
      'restoreBackup',
      (c: CccClient) => c.restoreBackup(systemId, 'bkp 1/2'),
      'POST',
      // The backup id is a path segment and escaped as one.
      `/systems/${systemId}/backups/bkp%201%2F2/restore`,
      { confirm: true },
    ],
    [
      'restoreBackup with the password valid when the backup was made',
      (c: CccClient) => c.restoreBackup(systemId, 'b1', { password: 's3cret' }),
      'POST',
      `/systems/${systemId}/backups/b1/restore`,
      { confirm: true, password: 's3cret' },
    ],
    [
      'setBackupSchedule',
      (c: CccClient) => c.setBackupSchedule(systemId, 'weekly'),
      'PUT',
      `/systems/${systemId}/backups/schedule`,
      { interval: 'weekly' },
    ],
    [
      'setBackupRetention',
      (c: CccClient) => c.setBackupRetention(systemId, { keepLast: 10, keepDays: null }),
      'PUT',
      `/systems/${systemId}/backups/retention`,
      { keepLast: 10, keepDays: null },
    ],
    ['getJob', (c: CccClient) => c.getJob(systemId, 'job-1'), 'GET', `/systems/${systemId}/jobs/job-1`, undefined],
    ['getFirmware', (c: CccClient) => c.getFirmware(systemId), 'GET', `/systems/${systemId}/firmware`, undefined],
    [
      'startFirmwareUpdate',
      (c: CccClient) => c.startFirmwareUpdate(systemId),
      'POST',
      `/systems/${systemId}/firmware/update`,
      { confirm: true },
    ],
  ])('%s', async (_name, call, method, path, body) => {
    const { client, calls } = clientAnswering({ ok: true });
    await expect(call(client)).resolves.toEqual({ ok: true });
    expect(calls).toEqual([{ url: `${base}${path}`, method, body }]);
  });

  it('sends null limits to return a system to the fleet default retention', async () => {
    const { client, calls } = clientAnswering({ keepLast: 5, keepDays: null, source: 'fleet' });
    await client.setBackupRetention(systemId, { keepLast: null, keepDays: null });
    expect(calls[0].body).toEqual({ keepLast: null, keepDays: null });
  });

  it('unwraps the job and fleet lists and filters jobs by kind', async () => {
    let answer = clientAnswering({ items: [{ id: 'job-1' }] });
    await expect(answer.client.listJobs(systemId, 'firmware')).resolves.toEqual([{ id: 'job-1' }]);
    expect(answer.calls[0]).toEqual({ url: `${base}/systems/${systemId}/jobs?kind=firmware`, method: 'GET' });

    answer = clientAnswering({ items: [] });
    await answer.client.listJobs(systemId);
    expect(answer.calls[0].url).toBe(`${base}/systems/${systemId}/jobs`);

    answer = clientAnswering({ items: [{ systemId }] });
    await expect(answer.client.listFleetBackups()).resolves.toEqual([{ systemId }]);
    expect(answer.calls[0]).toEqual({ url: `${base}/backups`, method: 'GET' });
  });

  it('throws the backend message when the device is not set up for remote backup', async () => {
    const { client } = clientAnswering(
      {
        error: { name: 'ConflictError', message: 'Remote backup is not set up on the device' },
        response: { statusCode: 409 },
      },
      409,
    );
    const error = await client.createBackup(systemId).catch(e => e);
    expect(error.statusCode).toBe(409);
    expect(error.cause.message).toBe('Remote backup is not set up on the device');
  });
});
