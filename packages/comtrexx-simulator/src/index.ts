/**
 * A fleet of simulated Auerswald COMtrexx PBXs over HTTP.
 *
 * @packageDocumentation
 */

export { createFleet } from './fleet';
export type { CccAccessState, ComtrexxModel, DeviceCccAccess, FleetOptions, SimulatedDevice } from './fleet';
export { createSeededRandom } from './random';
export type { SeededRandom } from './random';
export {
  createSimulatorApp,
  DEFAULT_CCC_PAIRING_URL,
  DEFAULT_CCC_TIMEOUT_MS,
  SESSION_COOKIE,
  startSimulator,
} from './server';
export type { RunningSimulator, SimulatorAppOptions, SimulatorOptions } from './server';
export { generateApiUser, sendPairingRequest } from './pairing';
export type { PairingOutcome, PairingRequest } from './pairing';
export { SESSION_MAX_AGE_SECONDS } from './sessions';
export { pairingUrlFromBase, runCli } from './commands';
export type { CliIo } from './commands';
