/**
 * Shared types, constants and API schemas of the COMtrexx Control Center plugins.
 *
 * @packageDocumentation
 */

export * from './constants';
export * from './health';
export * from './serialNumber';
export * from './systems';
export * from './systemsList';
export * from './roles';
export * from './permissions';
export * from './access';
export * from './smtp';
export * from './backups';
export * from './callData';
export * from './monitoring';
export * from './scorecard';
export * from './dashboard';
export * from './catalog';
export * from './rollouts';
