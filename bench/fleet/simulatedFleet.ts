/*
 * The simulated fleet of the fleet benchmark: the COMtrexx simulator on a
 * loopback port with a request counter in front, and every device registered
 * and paired through SystemsService, as the pairing endpoint would.
 *
 * The fleet is served by simulator apps of {@link DEVICES_PER_APP} devices
 * each behind the one port, routed by serial number; the devices and their
 * behaviour are the simulator's own. (This was written when the simulator
 * still searched its fleet linearly on every request, about 1 ms at 10,000
 * devices; it now keeps a map by serial, and the split costs nothing.)
 */
import { createFleet, createSimulatorApp, SimulatedDevice } from '@internal/comtrexx-simulator';
import { CccDatabase } from '@internal/plugin-ccc-backend/src/database/CccDatabase';
import { HttpDeviceClient } from '@internal/plugin-ccc-backend/src/device/HttpDeviceClient';
import { SecretBox } from '@internal/plugin-ccc-backend/src/secrets/SecretBox';
import { SystemsService } from '@internal/plugin-ccc-backend/src/systems/SystemsService';
import http from 'node:http';
import { AddressInfo } from 'node:net';

/** Key the benchmark's secrets are sealed with; every process of the run uses it. */
export const BENCH_ENCRYPTION_KEY = 'fleet-benchmark-key-0123456789abcdefghijk';
/** Owner of every benchmark system. */
export const BENCH_OWNER = 'user:default/bench-owner';

/** The simulator of one benchmark size. */
export interface CountingSimulator {
  fleet: SimulatedDevice[];
  deviceUrlTemplate: string;
  /** Requests the simulator answered so far. */
  requests(): number;
  close(): Promise<void>;
}

/** Devices per simulator app (see the top of this file). */
export const DEVICES_PER_APP = 100;

type SimulatorApp = ReturnType<typeof createSimulatorApp>;

/** Starts `size` simulated devices on a loopback port, counting the requests they answer. */
export async function startCountingSimulator(size: number): Promise<CountingSimulator> {
  const fleet = createFleet({ seed: 4711, size, now: new Date() });
  const appOf = new Map<string, SimulatorApp>();
  for (let i = 0; i < fleet.length; i += DEVICES_PER_APP) {
    const part = fleet.slice(i, i + DEVICES_PER_APP);
    const app = createSimulatorApp(part);
    for (const device of part) appOf.set(device.serialNumber, app);
  }
  // Paths outside a device (or of an unknown one) go to the first app, which answers as the simulator would.
  const first = appOf.get(fleet[0].serialNumber)!;
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    const serial = /^\/devices\/([^/?]+)/.exec(req.url ?? '')?.[1];
    (serial ? appOf.get(decodeURIComponent(serial)) ?? first : first)(req, res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    fleet,
    deviceUrlTemplate: `${url}/devices/{serial}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(err => (err ? reject(err) : resolve()));
      }),
  };
}

const silent = { info() {}, warn() {}, error() {}, debug() {}, child: () => silent } as never;

/**
 * Registers and pairs every device of the simulator in `db` through
 * SystemsService; returns the system ids in fleet order. The devices keep
 * the seed's mix (models, firmware, maintenance, remote configuration
 * allowed on about a third); only their CCC access is confirmed, with the
 * API user the CCC stores.
 */
export async function registerFleet(db: CccDatabase, simulator: CountingSimulator): Promise<string[]> {
  const systems = new SystemsService({
    db,
    secrets: new SecretBox(BENCH_ENCRYPTION_KEY),
    devices: new HttpDeviceClient(),
    logger: silent,
    deviceUrlTemplate: simulator.deviceUrlTemplate,
  });
  const ids: string[] = [];
  for (const [i, device] of simulator.fleet.entries()) {
    const credentials = { username: 'ccc-api', password: `bench-${i}` };
    device.ccc = { ...device.ccc, state: 'confirmed', apiUser: credentials };
    const { system, token } = await systems.register(
      { name: `PBX ${String(i + 1).padStart(5, '0')}`, serialNumber: device.serialNumber },
      BENCH_OWNER,
    );
    await systems.pair({ serialNumber: device.serialNumber, token: token.code, credentials });
    ids.push(system.id);
  }
  return ids;
}
