import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFleet, FleetOptions, SimulatedDevice } from './fleet';

/** Options for {@link startSimulator}. */
export interface SimulatorOptions extends FleetOptions {
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  /** Interface to bind; loopback by default. */
  host?: string;
}

/** A running simulator. */
export interface RunningSimulator {
  /** Base URL, e.g. `http://127.0.0.1:7008`. */
  url: string;
  /** URL template of one device's base, with `{serial}` as placeholder. */
  deviceUrlTemplate: string;
  /** The simulated devices, live: tests may change them. */
  fleet: SimulatedDevice[];
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/**
 * Builds the HTTP app. Many devices share one port: each device lives under
 * `/devices/<serial>`, below which the paths follow the COMtrexx REST API
 * (`/api/v1/...`). Simulator-only controls live under `/fleet`.
 */
export function createSimulatorApp(fleet: SimulatedDevice[]): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json());

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', devices: fleet.length });
  });

  app.get('/fleet', (_req, res) => {
    res.json({ _links: { totalCount: fleet.length }, data: fleet });
  });

  const device = express.Router({ mergeParams: true });
  device.get('/api/v1/system/info', (_req, res) => {
    const d = res.locals.device as SimulatedDevice;
    res.json({
      serialNumber: d.serialNumber,
      model: d.model,
      firmwareVersion: d.firmwareVersion,
      // The REST spec version seen on a live COMtrexx.
      apiVersion: '0.0.37',
      macAddress: d.macAddress,
      hostname: d.hostname,
      systemTime: new Date().toISOString(),
      uptimeSeconds: Math.max(0, Math.floor((Date.now() - Date.parse(d.bootedAt)) / 1000)),
      userLicences: d.userLicences,
    });
  });

  app.use(
    '/devices/:serial',
    (req, res, next) => {
      const found = fleet.find(d => d.serialNumber === req.params.serial);
      if (!found) {
        res.status(404).json({
          error: { code: 'NOT_FOUND', message: `No simulated COMtrexx with serial number ${req.params.serial}` },
        });
        return;
      }
      res.locals.device = found;
      next();
    },
    device,
  );

  app.use((req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: `No such path: ${req.method} ${req.path}` } });
  });
  return app;
}

/** Starts a simulated fleet on an HTTP port. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const { port = 0, host = '127.0.0.1', ...fleetOptions } = options;
  const fleet = createFleet(fleetOptions);
  const server = http.createServer(createSimulatorApp(fleet));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    deviceUrlTemplate: `${url}/devices/{serial}`,
    fleet,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(err => (err ? reject(err) : resolve()));
      }),
  };
}
