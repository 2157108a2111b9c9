import { MetricsService } from '@backstage/backend-plugin-api/alpha';
import { DeviceClient } from '../device/DeviceClient';
import { DeviceRebootingError, DeviceUnreachableError } from '../device/errors';
import { CccMetrics } from './CccMetrics';
import { instrumentDeviceClient } from './instrumentDeviceClient';

// A recording metrics service: every instrument keeps what it was given.
function recordingMetrics() {
  const recorded: Array<{ name: string; value: number; attributes?: object }> = [];
  const callbacks: Array<(r: { observe(v: number, a?: object): void }) => unknown> = [];
  const instrument = (name: string) => ({
    add: (value: number, attributes?: object) => recorded.push({ name, value, attributes }),
    record: (value: number, attributes?: object) => recorded.push({ name, value, attributes }),
    addCallback: (cb: (typeof callbacks)[number]) => callbacks.push(cb),
    removeCallback: () => {},
  });
  const service = new Proxy({}, { get: () => (name: string) => instrument(name) }) as unknown as MetricsService;
  return { service, recorded, callbacks };
}

describe('CccMetrics', () => {
  it('times device operations and counts errors by kind', async () => {
    const { service, recorded } = recordingMetrics();
    const metrics = new CccMetrics(service);
    const forgotten: string[] = [];
    const client = instrumentDeviceClient(
      {
        getStatus: async () => {
          throw new DeviceUnreachableError('down');
        },
        listPhoneStatus: async () => [],
        getFirmware: async () => {
          throw new DeviceRebootingError(30);
        },
        forgotten,
        forget(serial: string) {
          forgotten.push(serial);
        },
      } as unknown as DeviceClient,
      metrics,
    );
    await client.listPhoneStatus({} as never);
    await expect(client.getStatus({} as never)).rejects.toThrow('down');
    await expect(client.getFirmware({} as never)).rejects.toThrow(DeviceRebootingError);
    client.forget('x');
    expect(forgotten).toEqual(['x']);
    expect(recorded.filter(r => r.name === 'ccc.device.errors').map(r => r.attributes)).toEqual([
      { operation: 'getStatus', kind: 'unreachable' },
      { operation: 'getFirmware', kind: 'rebooting' },
    ]);
    expect(recorded.filter(r => r.name === 'ccc.device.request.duration').map(r => r.attributes)).toEqual([
      { operation: 'listPhoneStatus', outcome: 'ok' },
      { operation: 'getStatus', outcome: 'error' },
      { operation: 'getFirmware', outcome: 'error' },
    ]);
  });

  it('records job rounds with outcomes, ingest counts and the poll age', async () => {
    const { service, recorded, callbacks } = recordingMetrics();
    const metrics = new CccMetrics(service);
    metrics.jobRound('ccc-status-poll', '1/4', 2.5, { succeeded: 10, failed: 2, timedOut: 0, skipped: 0 });
    metrics.ingested('calldata', 120);
    metrics.ingested('warnings', 0);
    metrics.observePollAge(async () => 42);
    const observed: number[] = [];
    await callbacks[0]({ observe: v => observed.push(v) });
    expect(recorded).toEqual([
      { name: 'ccc.jobs.duration', value: 2.5, attributes: { job: 'ccc-status-poll', shard: '1/4' } },
      { name: 'ccc.jobs.items', value: 10, attributes: { job: 'ccc-status-poll', outcome: 'succeeded' } },
      { name: 'ccc.jobs.items', value: 2, attributes: { job: 'ccc-status-poll', outcome: 'failed' } },
      { name: 'ccc.ingest.records', value: 120, attributes: { kind: 'calldata' } },
    ]);
    expect(observed).toEqual([42]);
  });
});
