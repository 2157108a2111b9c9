import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { MAX_CLOCK_SPEED } from './clock';
import type { FaultConfig, FaultUpdate } from './faults';
import type { SimulatedDevice } from './fleet';
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
                     [--ccc-url http://127.0.0.1:7007/api/ccc] [--faults <file.json>] [--speed 1]
  comtrexx-simulator confirm --serial <serial> --token <code> [--url ${DEFAULT_SIMULATOR_URL}]
  comtrexx-simulator revoke --serial <serial> [--url ${DEFAULT_SIMULATOR_URL}]
  comtrexx-simulator fault --serial <serial> [--offline on|off] [--slow <ms>] [--error on|off]
                     [--garbage on|off] [--reboot <seconds>] [--maintenance on|off]
                     [--firmware X.Y.Z] [--monitoring on|off] [--remote-config on|off]
                     [--backup-fails on|off] [--update-fails on|off] [--calldata-id-zero on|off]
                     [--clear] [--url ${DEFAULT_SIMULATOR_URL}]

start    Starts a fleet of simulated COMtrexx PBXs. Each device answers under
         http://<host>:<port>/devices/<serial>/api/v1/...; GET /fleet lists them.
         Devices send pairing requests to <ccc-url>/pairing
         (env CCC_BACKEND_URL; port also from COMTREXX_SIMULATOR_PORT).
         --faults: JSON file {"<serial or index>": {"offline": true, "slowMs": 500,
         "serverError": false, "garbage": false, "rebootUntil": "<ISO time>"}, ...}.
         --speed n: for demos, simulated time runs n times as fast from the start
         (e.g. 60: an hour of call data a minute); sessions, lockout and reboot
         windows run faster alike. Default 1.
confirm  Does what an admin does in the device's web UI: enters the CCC's
         confirmation code, so the device pairs itself with the CCC.
revoke   Withdraws the CCC's access to the device.
fault    Injects faults into a device of a running simulator or changes its
         state: --slow delays every answer (0 = off), --error answers 500,
         --garbage answers non-JSON, --reboot answers 503 for that many seconds
         (0 = instant restart), --maintenance off = expired, --firmware 2.4.2 =
         too old, --backup-fails / --update-fails on = backups / firmware
         updates started from now on fail, --calldata-id-zero on = every
         CallDataId reads 0 (a real firmware's quirk). --clear first switches
         every fault off and lifts a login lockout (state stays). Without
         options it shows the device's faults.
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
      case 'fault':
        return await fault(args, io, env);
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
      faults: { type: 'string' },
      speed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const cccBase = values['ccc-url'] ?? env.CCC_BACKEND_URL;
  const faults = values.faults === undefined ? undefined : await readFaultFile(values.faults);
  const speed = toSpeed(values.speed);
  const simulator = await startSimulator({
    port: toInt('port', values.port ?? env.COMTREXX_SIMULATOR_PORT, 7008),
    host: values.host ?? '127.0.0.1',
    seed: toInt('seed', values.seed, 4711),
    size: toInt('devices', values.devices, 12),
    cccPairingUrl: cccBase ? pairingUrlFromBase(cccBase) : DEFAULT_CCC_PAIRING_URL,
    faults,
    speed,
  });
  io.stdout.write(`COMtrexx simulator: ${simulator.fleet.length} devices at ${simulator.deviceUrlTemplate}\n`);
  io.stdout.write(`Pairing requests go to ${simulator.cccPairingUrl}\n`);
  if (speed !== 1) io.stdout.write(`Simulated time runs ${speed} times as fast as real time\n`);
  for (const d of simulator.fleet) {
    const active = activeFaults(d.faults);
    const note = active.length > 0 ? `  faults: ${active.join(', ')}` : '';
    io.stdout.write(`  ${d.serialNumber}  ${d.model.padEnd(17)}  firmware ${d.firmwareVersion}${note}\n`);
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

/**
 * A local admin action on one device (what an admin does in the device's own
 * web interface): parses `--serial`, `--url` and the action's own options,
 * calls the simulator and reports the outcome in one line.
 */
async function deviceAction(
  args: string[],
  io: CliIo,
  env: Record<string, string | undefined>,
  action: {
    options?: Record<string, { type: 'string' }>;
    call: (base: string, serial: string, values: Record<string, string | boolean | undefined>) => Promise<Response>;
    done: string;
    failed: string;
  },
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      serial: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...action.options,
    },
  });
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const serial = required('serial', values.serial as string | undefined);
  const res = await action.call(simulatorUrl(values.url as string | undefined, env), serial, values);
  if (res.status === 204) {
    io.stdout.write(`${serial}: ${action.done}\n`);
    return 0;
  }
  io.stderr.write(`${serial}: ${action.failed}: ${await describeError(res)}\n`);
  return 1;
}

function confirm(args: string[], io: CliIo, env: Record<string, string | undefined>): Promise<number> {
  return deviceAction(args, io, env, {
    options: { token: { type: 'string' } },
    call: (base, serial, values) =>
      callDevice(base, serial, 'POST', '/api/v1/ccc/access/confirm', {
        confirmationCode: required('token', values.token as string | undefined),
      }),
    done: 'paired with the CCC',
    failed: 'pairing failed',
  });
}

function revoke(args: string[], io: CliIo, env: Record<string, string | undefined>): Promise<number> {
  return deviceAction(args, io, env, {
    call: (base, serial) => callDevice(base, serial, 'DELETE', '/api/v1/ccc/access'),
    done: 'CCC access revoked',
    failed: 'revoking failed',
  });
}

/** The admin view `/fleet/:serial/faults` answers with. */
interface FaultView {
  serialNumber: string;
  faults: SimulatedDevice['faults'];
  rebootSecondsLeft: number;
  lockout: { failedLogins: number; blockedSeconds: number };
  state: {
    maintenanceActive: boolean;
    maintenanceValidUntil: string | null;
    firmwareVersion: string;
    monitoringEnabled: boolean;
    remoteConfigEnabled: boolean;
  };
}

async function fault(args: string[], io: CliIo, env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      serial: { type: 'string' },
      offline: { type: 'string' },
      slow: { type: 'string' },
      error: { type: 'string' },
      garbage: { type: 'string' },
      reboot: { type: 'string' },
      maintenance: { type: 'string' },
      firmware: { type: 'string' },
      monitoring: { type: 'string' },
      'remote-config': { type: 'string' },
      'backup-fails': { type: 'string' },
      'update-fails': { type: 'string' },
      'calldata-id-zero': { type: 'string' },
      clear: { type: 'boolean' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const serial = required('serial', values.serial);
  // Checked here so that wrong usage is exit code 2 before anything changes;
  // the simulator checks ranges and the firmware format again.
  const update: FaultUpdate = {};
  if (values.offline !== undefined) update.offline = onOff('offline', values.offline);
  if (values.slow !== undefined) update.slowMs = toInt('slow', values.slow, 0);
  if (values.error !== undefined) update.serverError = onOff('error', values.error);
  if (values.garbage !== undefined) update.garbage = onOff('garbage', values.garbage);
  if (values.reboot !== undefined) update.rebootSeconds = toInt('reboot', values.reboot, 0);
  if (values.maintenance !== undefined) update.maintenanceActive = onOff('maintenance', values.maintenance);
  if (values.firmware !== undefined) update.firmwareVersion = values.firmware.trim();
  if (values.monitoring !== undefined) update.monitoringEnabled = onOff('monitoring', values.monitoring);
  if (values['remote-config'] !== undefined) {
    update.remoteConfigEnabled = onOff('remote-config', values['remote-config']);
  }
  if (values['backup-fails'] !== undefined) update.backupFails = onOff('backup-fails', values['backup-fails']);
  if (values['update-fails'] !== undefined) update.updateFails = onOff('update-fails', values['update-fails']);
  if (values['calldata-id-zero'] !== undefined) {
    update.callDataIdZero = onOff('calldata-id-zero', values['calldata-id-zero']);
  }

  const base = simulatorUrl(values.url, env);
  const path = `/fleet/${encodeURIComponent(serial)}/faults`;
  let res: Response | undefined;
  if (values.clear) {
    res = await callSimulator(base, 'DELETE', path);
    if (!res.ok) {
      io.stderr.write(`${serial}: clearing faults failed: ${await describeError(res)}\n`);
      return 1;
    }
  }
  if (Object.keys(update).length > 0) {
    res = await callSimulator(base, 'PUT', path, update);
  } else if (!res) {
    res = await callSimulator(base, 'GET', path);
  }
  if (!res.ok) {
    io.stderr.write(`${serial}: changing faults failed: ${await describeError(res)}\n`);
    return 1;
  }
  io.stdout.write(`${describeFaultView((await res.json()) as FaultView)}\n`);
  return 0;
}

// One line per aspect, for people at a terminal.
function describeFaultView(view: FaultView): string {
  const active = activeFaults(view.faults, view.rebootSecondsLeft);
  const { state, lockout } = view;
  const login =
    lockout.blockedSeconds > 0
      ? `blocked for ${lockout.blockedSeconds} s`
      : `${lockout.failedLogins} failed in a row`;
  const maintenance = `${state.maintenanceActive ? 'on' : 'off'}${state.maintenanceValidUntil ? ` (until ${state.maintenanceValidUntil})` : ''}`;
  return [
    `${view.serialNumber}: faults ${active.length > 0 ? active.join(', ') : 'none'}`,
    `  logins: ${login}`,
    `  maintenance ${maintenance}, firmware ${state.firmwareVersion}, ` +
      `monitoring ${state.monitoringEnabled ? 'on' : 'off'}, remote config ${state.remoteConfigEnabled ? 'on' : 'off'}`,
  ].join('\n');
}

function activeFaults(faults: SimulatedDevice['faults'], rebootSecondsLeft?: number): string[] {
  const active: string[] = [];
  if (faults.offline) active.push('offline');
  if (faults.slowMs > 0) active.push(`slow ${faults.slowMs} ms`);
  if (faults.serverError) active.push('server error');
  if (faults.garbage) active.push('garbage');
  if (faults.backupFails) active.push('backups fail');
  if (faults.updateFails) active.push('updates fail');
  if (faults.callDataIdZero) active.push('CallDataId 0');
  if (faults.rebootUntil) {
    active.push(rebootSecondsLeft !== undefined ? `rebooting (${rebootSecondsLeft} s left)` : `rebooting until ${faults.rebootUntil}`);
  }
  return active;
}

async function readFaultFile(path: string): Promise<FaultConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the fault file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    // The shape is checked by startSimulator, with messages naming the device.
    return JSON.parse(text) as FaultConfig;
  } catch (error) {
    throw new Error(`the fault file ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function callDevice(base: string, serial: string, method: string, path: string, body?: unknown): Promise<Response> {
  return callSimulator(base, method, `/devices/${encodeURIComponent(serial)}${path}`, body);
}

async function callSimulator(base: string, method: string, path: string, body?: unknown): Promise<Response> {
  const url = `${base.replace(/\/+$/, '')}${path}`;
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

function onOff(name: string, value: string): boolean {
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new UsageError(`--${name} must be on or off, got "${value}"`);
}

// A factor, not a count: fractions such as 0.5 (slower than real time) are allowed.
function toSpeed(value: string | undefined): number {
  if (value === undefined) return 1;
  const parsed = Number(value);
  if (!value.trim() || !Number.isFinite(parsed) || parsed <= 0 || parsed > MAX_CLOCK_SPEED) {
    throw new UsageError(`--speed must be a number above 0 and at most ${MAX_CLOCK_SPEED}, got "${value}"`);
  }
  return parsed;
}

function toInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  }
  return parsed;
}
