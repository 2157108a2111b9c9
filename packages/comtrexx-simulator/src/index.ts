/**
 * A fleet of simulated Auerswald COMtrexx PBXs over HTTP.
 *
 * @packageDocumentation
 */

export { createFleet } from './fleet';
export type { ComtrexxModel, FleetOptions, SimulatedDevice } from './fleet';
export { createSeededRandom } from './random';
export type { SeededRandom } from './random';
export { createSimulatorApp, startSimulator } from './server';
export type { RunningSimulator, SimulatorOptions } from './server';
