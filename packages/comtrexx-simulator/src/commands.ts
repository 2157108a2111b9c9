import { parseArgs } from 'node:util';
import { DEFAULT_CCC_PAIRING_URL, RunningSimulator, startSimulator } from './server';

/** Where {@link runCli} writes and what it reads from its surroundings; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Environment variables; `process.env` when omitted. */
  env?: Record<string, string | undefined>;
  /** `start` runs until this signal aborts, then closes the simulator and resolves. */
  signal?: AbortSignal;
  /** Called once `start` is listening, e.g. so tests learn the URL. */
  onStarted?: (simulator: RunningSimulator) => void;
}

const DEFAULT_SIMULATOR_URL = 'http://127.0.0.1:7008';
// Longer than the device's own wait for the CCC (10 s), so that the device's
// CCC_UNREACHABLE answer arrives before the CLI gives up.
const CLIENT_TIMEOUT_MS = 15_000;

const USAGE = `Usage:
  comtrexx-simulator [start] [--port 7008] [--host 127.0.0.1] [--seed 4711] [--devices 12]
                     [--ccc-url http://127.0.0.1:7007/api/ccc]
  comtrexx-simulator confirm --serial <serial> --token <code> [--url ${DEFAULT_SIMULATOR_URL}]
  comtrexx-simulator revoke --serial <serial> [--url ${DEFAULT_SIMULATOR_URL}]

start    Starts a fleet of simulated COMtrexx PBXs. Each device answers under
         http://<host>:<port>/devices/<serial>/api/v1/...; GET /fleet lists them.
         Devices send pairing requests to <ccc-url>/pairing
         (env CCC_BACKEND_URL; port also from COMTREXX_SIMULATOR_PORT).
confirm  Does what an admin does in the device's web UI: enters the CCC's
         confirmation code, so the device pairs itself with the CCC.
revoke   Withdraws the CCC's access to the device.
         --url of a running simulator also from COMTREXX_SIMULATOR_URL.`;

class UsageError extends Error {}

/**
 * Runs the command line and returns the exit code: 0 success, 1 failure,
 * 2 wrong usage. Without a command it starts the simulator, as it always did.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  const hasCommand = argv.length > 0 && !argv[0].startsWith('-');
  const command = hasCommand ? argv[0] : 'start';
  const args = hasCommand ? argv.slice(1) : [...argv];
  try {
    switch (command) {
      case 'start':
        return await start(args, io, env);
      case 'confirm':
        return await confirm(args, io, env);
      case 'revoke':
        return await revoke(args, io, env);
      case 'help':
        io.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`comtrexx-simulator: ${message}\n`);
    // parseArgs reports unknown or malformed options with ERR_PARSE_ARGS_* codes.
    const code = (error as { code?: unknown }).code;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.stderr.write(`${USAGE}\n`);
      return 2;
    }
    return 1;
  }
}

async function start(args: string[], io: CliIo, env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      devices: { type: 'string' },
      'ccc-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const cccBase = values['ccc-url'] ?? env.CCC_BACKEND_URL;
  const simulator = await startSimulator({
    port: toInt('port', values.port ?? env.COMTREXX_SIMULATOR_PORT, 7008),
    host: values.host ?? '127.0.0.1',
    seed: toInt('seed', values.seed, 4711),
    size: toInt('devices', values.devices, 12),
    cccPairingUrl: cccBase ? pairingUrlFromBase(cccBase) : DEFAULT_CCC_PAIRING_URL,
  });
  io.stdout.write(`COMtrexx simulator: ${simulator.fleet.length} devices at ${simulator.deviceUrlTemplate}\n`);
  io.stdout.write(`Pairing requests go to ${simulator.cccPairingUrl}\n`);
  for (const d of simulator.fleet) {
    io.stdout.write(`  ${d.serialNumber}  ${d.model.padEnd(17)}  firmware ${d.firmwareVersion}\n`);
  }
  io.onStarted?.(simulator);
  await new Promise<void>(resolve => {
    if (!io.signal) return; // runs until the process ends
    if (io.signal.aborted) resolve();
    else io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await simulator.close();
  return 0;
}

async function confirm(args: string[], io: CliIo, env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      serial: { type: 'string' },
      token: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const serial = required('serial', values.serial);
  const token = required('token', values.token);
  const res = await callDevice(simulatorUrl(values.url, env), serial, 'POST', '/api/v1/ccc/access/confirm', {
    confirmationCode: token,
  });
  if (res.status === 204) {
    io.stdout.write(`${serial}: paired with the CCC\n`);
    return 0;
  }
  io.stderr.write(`${serial}: pairing failed: ${await describeError(res)}\n`);
  return 1;
}

async function revoke(args: string[], io: CliIo, env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      serial: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const serial = required('serial', values.serial);
  const res = await callDevice(simulatorUrl(values.url, env), serial, 'DELETE', '/api/v1/ccc/access');
  if (res.status === 204) {
    io.stdout.write(`${serial}: CCC access revoked\n`);
    return 0;
  }
  io.stderr.write(`${serial}: revoking failed: ${await describeError(res)}\n`);
  return 1;
}

async function callDevice(
  base: string,
  serial: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  const url = `${base.replace(/\/+$/, '')}/devices/${encodeURIComponent(serial)}${path}`;
  try {
    return await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
  } catch (error) {
    // Duck-typed: fetch's errors may come from another realm (jest).
    const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { message?: unknown } };
    const detail = typeof cause?.message === 'string' ? cause.message : String(message ?? error);
    throw new Error(`cannot reach the simulator at ${base}: ${detail}`);
  }
}

// Shows the device's own message (for PAIRING_REFUSED that is the CCC's
// message, e.g. "The confirmation code has expired").
async function describeError(res: Response): Promise<string> {
  const text = await res.text();
  try {
    const error = JSON.parse(text)?.error;
    if (typeof error?.message === 'string') {
      return `${error.message} (HTTP ${res.status}${typeof error.code === 'string' ? ` ${error.code}` : ''})`;
    }
  } catch {
    // not JSON
  }
  return `HTTP ${res.status} ${res.statusText}`.trim();
}

/** Turns the CCC backend base (e.g. `http://127.0.0.1:7007/api/ccc`) into its pairing endpoint. */
export function pairingUrlFromBase(base: string): string {
  return `${base.replace(/\/+$/, '')}/pairing`;
}

function simulatorUrl(flag: string | undefined, env: Record<string, string | undefined>): string {
  return flag ?? env.COMTREXX_SIMULATOR_URL ?? DEFAULT_SIMULATOR_URL;
}

function required(name: string, value: string | undefined): string {
  if (!value || !value.trim()) throw new UsageError(`--${name} is required`);
  return value.trim();
}

function toInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  }
  return parsed;
}
