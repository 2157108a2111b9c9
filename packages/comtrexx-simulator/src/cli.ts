import { parseArgs } from 'node:util';
import { startSimulator } from './server';

const USAGE = `Usage: comtrexx-simulator [--port 7008] [--host 127.0.0.1] [--seed 4711] [--devices 12]

Starts a fleet of simulated COMtrexx PBXs. Each device answers under
http://<host>:<port>/devices/<serial>/api/v1/...; GET /fleet lists them.`;

function toInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`--${name} must be a whole number, got "${value}"`);
  }
  return parsed;
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      devices: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const simulator = await startSimulator({
    port: toInt('port', values.port ?? process.env.COMTREXX_SIMULATOR_PORT, 7008),
    host: values.host ?? '127.0.0.1',
    seed: toInt('seed', values.seed, 4711),
    size: toInt('devices', values.devices, 12),
  });
  process.stdout.write(
    `COMtrexx simulator: ${simulator.fleet.length} devices at ${simulator.deviceUrlTemplate}\n`,
  );
  for (const d of simulator.fleet) {
    process.stdout.write(`  ${d.serialNumber}  ${d.model.padEnd(17)}  firmware ${d.firmwareVersion}\n`);
  }
  const stop = () => {
    simulator.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  process.stderr.write(`comtrexx-simulator: ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
});
